/**
 * Everything written to stdout and stderr while `run` runs (Powertools writes logs and metrics to stdout,
 * warnings to stderr), still passed through. `emf(name)` is each embedded-metric-format line that holds the
 * metric `name`, parsed.
 */
export interface CapturedOutput<T> {
  result: T;
  lines: string[];
  emf(metricName: string): Record<string, unknown>[];
  /** The sum of a count metric over every EMF line (a line holds one value or a list of values). */
  total(metricName: string): number;
}

export async function captureOutput<T>(run: () => Promise<T>): Promise<CapturedOutput<T>> {
  const written: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, i) => {
    stream.write = (chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (originals[i] as (...a: unknown[]) => boolean)(chunk, ...rest);
    };
  });
  let result: T;
  try {
    result = await run();
  } finally {
    streams.forEach((stream, i) => {
      stream.write = originals[i]!;
    });
  }
  const lines = written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.length > 0);
  const emf = (metricName: string) =>
    lines
      .filter((line) => line.startsWith('{') && line.includes('"_aws"') && line.includes(`"${metricName}"`))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    result,
    lines,
    emf,
    total: (metricName) =>
      emf(metricName)
        .flatMap((line) => [line[metricName]].flat() as number[])
        .reduce((sum, value) => sum + value, 0),
  };
}
