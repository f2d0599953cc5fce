/**
 * A Mermaid flowchart of a state machine, generated from its ASL: `npm run -s diagram` prints the one for
 * the synthesized selection workflow, and a test checks that the README shows exactly that.
 */
type States = Record<string, Record<string, unknown>>;

function id(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '');
}

function shape(name: string, state: Record<string, unknown>): string {
  switch (state.Type) {
    case 'Choice':
      return `${id(name)}{${name}}`;
    case 'Succeed':
    case 'Fail':
      return `${id(name)}([${name}])`;
    case 'Map':
      return `${id(name)}[[${name}]]`;
    default:
      return `${id(name)}[${name}]`;
  }
}

function edges(states: States, lines: string[], indent: string): void {
  for (const [name, state] of Object.entries(states)) {
    const from = shape(name, state);
    if (typeof state.Next === 'string') lines.push(`${indent}${from} --> ${shape(state.Next, states[state.Next] ?? {})}`);
    for (const choice of (state.Choices as Array<{ Next: string; BooleanEquals?: boolean; Variable?: string }> | undefined) ??
      []) {
      const label = `${(choice.Variable ?? '').replace(/^\$\./, '')} = ${String(choice.BooleanEquals ?? '')}`.trim();
      lines.push(`${indent}${from} -->|${label}| ${shape(choice.Next, states[choice.Next] ?? {})}`);
    }
    if (typeof state.Default === 'string')
      lines.push(`${indent}${from} -->|otherwise| ${shape(state.Default, states[state.Default] ?? {})}`);
    for (const c of (state.Catch as Array<{ Next: string }> | undefined) ?? []) {
      lines.push(`${indent}${from} -.->|error| ${shape(c.Next, states[c.Next] ?? {})}`);
    }
    const processor = (state.ItemProcessor ?? state.Iterator) as { StartAt: string; States: States } | undefined;
    if (processor) {
      lines.push(`${indent}subgraph ${id(name)}Items [each batch]`);
      for (const [inner, innerState] of Object.entries(processor.States)) lines.push(`${indent}  ${shape(inner, innerState)}`);
      edges(processor.States, lines, `${indent}  `);
      lines.push(`${indent}end`);
      lines.push(`${indent}${id(name)} -.- ${id(name)}Items`);
    }
  }
}

export function mermaidOf(definition: { StartAt: string; States: States }): string {
  const lines = [
    'flowchart TD',
    `  Start((start)) --> ${shape(definition.StartAt, definition.States[definition.StartAt] ?? {})}`,
  ];
  edges(definition.States, lines, '  ');
  return lines.join('\n');
}
