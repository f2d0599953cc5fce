import path from 'node:path';
import { Duration, Stack, Tags, Validations, type CfnElement } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteSpec } from '../../shared/http/route.ts';
import { AUDIT_ENTRY_ATTRIBUTES, AUDITED_PARTITION_PREFIXES } from '../../shared/store/audit.ts';
import { ENCRYPTION_SDK_EXPORTS, ENCRYPTION_SDK_PACKAGE } from '../../shared/runtime/encryption-sdk.ts';
import { subpathImportsOf } from '../local/paths.ts';

function describe(spec: FunctionSpec): string {
  return spec.description ?? `${spec.operationId} (${spec.handler})`;
}

/** The bundling every function uses: ESM for Node 22 with the local esbuild (never Docker). */
export const ESM_BUNDLING = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings, not the sources: without them each map is a fraction of the size,
  // which keeps `cdk.out` small and `npm run synth` fast (bench: synth).
  sourcesContent: false,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  forceDockerBundling: false,
  // Measured by `npm run bench`: bundling the AWS SDK makes cold imports about a third faster than the
  // runtime's copy, and the bundles stay well under 1 MB.
  bundleAwsSDK: true,
  // esbuild's per-bundle size summary would flood synth and test output; warnings and errors still show.
  logLevel: LogLevel.WARNING,
} as const;

/**
 * Packages installed next to a bundle (`nodeModules`, e.g. pdfkit, which loads its font data at run time)
 * are trimmed after the install of what Node never loads there: source maps, and the browser, standalone
 * and legacy builds (pdfkit and fontkit ship four builds each). About 10 MB of pdfkit's 26 MB install per
 * function; `npm run bench` reports the size of `cdk.out`. Node imports `pdfkit.node.mjs` and fontkit's
 * `module.mjs` (their `exports` for node), which stay.
 */
export const TRIMMED_FROM_INSTALLED_MODULES = [
  '*.map',
  '*/pdfkit/js/pdfkit.browser*',
  '*/pdfkit/js/pdfkit.standalone.js',
  '*/pdfkit/js/pdfkit.old.js',
  '*/fontkit/dist/browser*',
] as const;

/**
 * The commands that build one separate bundle next to the function's bundle, with esbuild as the bundle
 * itself is built; the function's bundle leaves it out (externalModules), so no cold start parses it, and
 * Node resolves the `import()` of the first request that needs it to this file. Two kinds:
 * - a package (the Encryption SDK: the exports the participant cipher uses), bundled into
 *   `node_modules/<package>/index.mjs`;
 * - a module of ours, named by a subpath import of package.json ("imports", `#reference-routes`), bundled
 *   into `<name>.mjs` beside `index.mjs`, or a data file named the same way (`#openapi-document`), copied
 *   there; a `package.json` there maps the specifier to it, as the repository's maps it to the source for
 *   the local cloud and the tests.
 */
export function separateBundle(
  repoRoot: string,
  outputDir: string,
  specifier: string,
  imports: Readonly<Record<string, string>> = subpathImportsOf(repoRoot),
): string[] {
  // The function's own bundling options (ESM_BUNDLING), as esbuild's command line.
  const esbuild = [
    `"${path.join(repoRoot, 'node_modules', '.bin', 'esbuild')}" --bundle --platform=node --format=esm`,
    `--target=${ESM_BUNDLING.target}`,
    ...(ESM_BUNDLING.minify ? ['--minify'] : []),
    '--log-level=warning',
    `--main-fields=${ESM_BUNDLING.mainFields.join(',')}`,
    `--banner:js="${ESM_BUNDLING.banner}"`,
  ].join(' ');
  if (specifier.startsWith('#')) {
    const entry = imports[specifier];
    if (!entry) throw new Error(`${specifier} is not in package.json "imports"`);
    const target = path.join(outputDir, separateModuleFile(specifier, entry));
    if (!entry.endsWith('.ts')) return [`cp "${path.join(repoRoot, entry)}" "${target}"`];
    const sourceMaps = ESM_BUNDLING.sourceMap ? ` --sourcemap --sources-content=${String(ESM_BUNDLING.sourcesContent)}` : '';
    return [`cd "${repoRoot}" && ${esbuild}${sourceMaps} "${entry}" --outfile="${target}"`];
  }
  if (specifier !== ENCRYPTION_SDK_PACKAGE) throw new Error(`no separate bundle is defined for ${specifier}`);
  const target = path.join(outputDir, 'node_modules', specifier);
  const entry = `export { ${ENCRYPTION_SDK_EXPORTS.join(', ')} } from '${specifier}';`;
  return [
    `mkdir -p "${target}"`,
    `cd "${repoRoot}" && printf '%s\\n' "${entry}" | ${esbuild} --sourcefile=entry.mjs --outfile="${target}/index.mjs"`,
    `printf '%s\\n' '{"name":"${specifier}","type":"module","main":"index.mjs"}' > "${target}/package.json"`,
  ];
}

/**
 * The file beside `index.mjs` that a subpath import names: a module of ours (`#reference-routes`) is bundled
 * into `reference-routes.mjs`; a data file (`#openapi-document`, `shared/openapi-document.json`) is
 * copied under its own name.
 */
function separateModuleFile(specifier: string, entry: string): string {
  return entry.endsWith('.ts') ? `${specifier.slice(1)}.mjs` : path.basename(entry);
}

/** The `package.json` beside the bundle that maps each module of ours to its separate bundle. */
function separateModulesPackageJson(
  outputDir: string,
  specifiers: readonly string[],
  imports: Readonly<Record<string, string>>,
): string[] {
  if (specifiers.length === 0) return [];
  const mapped = Object.fromEntries(specifiers.map((s) => [s, `./${separateModuleFile(s, imports[s] ?? '')}`]));
  const json = JSON.stringify({ type: 'module', imports: mapped });
  return [`printf '%s\\n' '${json}' > "${path.join(outputDir, 'package.json')}"`];
}

export function afterBundlingHooks(repoRoot: string, separateBundles: readonly string[], trim: boolean) {
  return {
    beforeBundling: (): string[] => [],
    beforeInstall: (): string[] => [],
    afterBundling: (inputDir: string, outputDir: string): string[] => {
      const imports = subpathImportsOf(repoRoot);
      return [
        ...(trim ? TRIM_INSTALLED_MODULES.afterBundling(inputDir, outputDir) : []),
        ...separateBundles.flatMap((specifier) => separateBundle(repoRoot, outputDir, specifier, imports)),
        ...separateModulesPackageJson(
          outputDir,
          separateBundles.filter((specifier) => specifier.startsWith('#')),
          imports,
        ),
      ];
    },
  };
}

export const TRIM_INSTALLED_MODULES = {
  beforeBundling: (): string[] => [],
  beforeInstall: (): string[] => [],
  afterBundling: (_inputDir: string, outputDir: string): string[] => [
    `find "${outputDir}/node_modules" -type f \\( ${TRIMMED_FROM_INSTALLED_MODULES.map((p) => `-path '${p}'`).join(' -o ')} \\) -delete`,
  ],
};

/** The tag that names the route-table entry (operationId) a function serves. */
export const OPERATION_TAG = 'werkenzorg:operation';

/**
 * What a function needs to be built and granted: an API function (shared/functions.ts, its access the union
 * of its routes'), a workflow task or a scheduled job. `operationId` names it; `handler` is its entry module.
 */
export type FunctionSpec = Pick<RouteSpec, 'operationId' | 'handler' | 'table' | 'sendsEmail'> &
  Partial<Pick<RouteSpec, 'nodeModules'>> & {
    description?: string;
    /** Packages bundled into a file of their own next to the bundle (`separateBundle`), imported on first use. */
    separateBundles?: readonly string[];
  };

/** The tag that names a function's handler module, so the local workflow runner can bind task states to it. */
export const HANDLER_TAG = 'werkenzorg:handler';

export interface RouteFunctionProps {
  spec: FunctionSpec;
  /** Default 10 s (API routes); workflow tasks take longer. */
  timeout?: Duration;
  repoRoot: string;
  table: ITable;
  /** Encrypts the function's log group. */
  logKey: IKey;
  logRetention: RetentionDays;
  /** The SES identity (domain or address) that `sendsEmail` functions may send as. */
  sesIdentity: string;
  environment: Record<string, string>;
}

/**
 * One Lambda function with its own role and log group, granted exactly what its spec declares:
 * `table: 'read'` → read, `'audit'` → read and PutItem of audit entries only, `'write'` → read and write,
 * `'none'` → nothing; `sendsEmail` → `ses:SendEmail` on the identity only.
 */
export class RouteFunction extends Construct {
  readonly spec: FunctionSpec;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      encryptionKey: props.logKey,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole: write to this function's log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${describe(spec)}`,
    });
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    if ((spec.nodeModules?.length ?? 0) > 0 && spec.separateBundles?.some((s) => s.startsWith('#'))) {
      // Both would own the package.json beside the bundle (npm install's, and the one mapping our modules).
      throw new Error(`${spec.operationId}: a function cannot both install nodeModules and have modules of its own bundled apart`);
    }
    this.function = new NodejsFunction(this, 'Function', {
      description: describe(spec),
      entry: path.join(props.repoRoot, spec.handler),
      handler: 'handler',
      projectRoot: props.repoRoot,
      depsLockFilePath: path.join(props.repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: { ...props.environment, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        ...ESM_BUNDLING,
        mainFields: [...ESM_BUNDLING.mainFields],
        ...(spec.nodeModules && spec.nodeModules.length > 0 ? { nodeModules: [...spec.nodeModules] } : {}),
        ...(spec.separateBundles && spec.separateBundles.length > 0 ? { externalModules: [...spec.separateBundles] } : {}),
        ...((spec.nodeModules?.length ?? 0) + (spec.separateBundles?.length ?? 0) > 0
          ? { commandHooks: afterBundlingHooks(props.repoRoot, spec.separateBundles ?? [], (spec.nodeModules?.length ?? 0) > 0) }
          : {}),
      },
    });
    Tags.of(this).add(OPERATION_TAG, spec.operationId);
    Tags.of(this).add(HANDLER_TAG, spec.handler);
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 on purpose: the local cloud and the tests run the same handlers on Node 22 (the `node` devDependency), ' +
        'so what is tested is what runs; move both together when the project moves to Node 24.',
    });

    if (spec.table === 'read') props.table.grantReadData(this.role);
    if (spec.table === 'audit') this.grantAuditEntries(props.table);
    if (spec.table === 'write') props.table.grantReadWriteData(this.role);
    if (spec.sendsEmail) {
      this.role.addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['ses:SendEmail'],
          resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity })],
        }),
      );
    }
    this.acknowledgeUnavoidableWildcards(props.table);
  }

  /**
   * Read one secret's value at run time: secretsmanager:GetSecretValue on that secret only, and kms:Decrypt
   * on its key only through Secrets Manager. Its environment carries the secret's ARN (deps.ts reads it).
   */
  grantSecretValue(secret: ISecret): void {
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['secretsmanager:GetSecretValue'],
        resources: [secret.secretArn],
      }),
    );
    if (secret.encryptionKey) {
      const stack = Stack.of(this);
      this.role.addToPolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['kms:Decrypt'],
          resources: [secret.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${stack.region}.${stack.urlSuffix}` } },
        }),
      );
    }
  }

  /**
   * Read, and add audit entries: PutItem (no update, delete or batch) of items whose attributes are exactly
   * an audit entry's, in the partitions of audited records. IAM cannot see the sort key, so it cannot tell
   * an audit entry from the record itself; the store's PutItem of an entry is conditional on the key not
   * existing, and the attribute list keeps anything but an audit entry's fields out.
   */
  private grantAuditEntries(table: ITable): void {
    table.grantReadData(this.role);
    this.role.addToPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...AUDIT_ENTRY_ATTRIBUTES] },
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': AUDITED_PARTITION_PREFIXES.map((prefix) => `${prefix}*`) },
          StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
        },
      }),
    );
    table.encryptionKey?.grant(this.role, 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
  }

  /** The wildcards that the grants above cannot avoid, acknowledged finding by finding with the reason. */
  private acknowledgeUnavoidableWildcards(table: ITable): void {
    const stack = Stack.of(this);
    const acks: { finding: string; reason: string }[] = [
      {
        finding: 'Resource::*',
        reason:
          'X-Ray tracing (Tracing.ACTIVE): xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so their resource must be *.',
      },
    ];
    if (this.spec.table !== 'none') {
      const tableLogicalId = stack.resolve(stack.getLogicalId(table.node.defaultChild as CfnElement)) as string;
      acks.push({
        finding: `Resource::<${tableLogicalId}.Arn>/index/*`,
        reason:
          "The route queries the table's GSIs (table-design.ts); CDK grants the table's own indexes as <table>/index/*, nothing outside this one table.",
      });
    }
    if (this.spec.table === 'write' || this.spec.table === 'audit') {
      for (const action of ['kms:ReEncrypt*', 'kms:GenerateDataKey*']) {
        acks.push({
          finding: `Action::${action}`,
          reason: `Writing to the table encrypted with the customer-managed key needs ${action} on that one key (granted by Table.grantReadWriteData, scoped to the key's ARN).`,
        });
      }
    }
    for (const { finding, reason } of acks) {
      Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
  }
}

/** What every background function (workflow task, scheduled job) shares with its stack. */
export interface BackgroundFunctionProps {
  repoRoot: string;
  table: ITable;
  key: IKey;
  logRetention: RetentionDays;
  sesIdentity: string;
  environment: Record<string, string>;
}

/** A workflow task or scheduled job: a RouteFunction without a route, with time for batches (5 minutes). */
export function backgroundFunction(
  scope: Construct,
  id: string,
  spec: FunctionSpec,
  props: BackgroundFunctionProps,
): RouteFunction {
  return new RouteFunction(scope, id, {
    spec,
    repoRoot: props.repoRoot,
    table: props.table,
    logKey: props.key,
    logRetention: props.logRetention,
    sesIdentity: props.sesIdentity,
    environment: props.environment,
    timeout: Duration.minutes(5),
  });
}
