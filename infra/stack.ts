import { fileURLToPath } from 'node:url';
import path from 'node:path';
import {
  App,
  Aspects,
  Aws,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  type IAspect,
  type StackProps,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  LogGroupLogDestination,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { AnyPrincipal, Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { logRetentionDays } from '../shared/domain/retention.ts';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLogGroup, LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct, IConstruct } from 'constructs';
import { ROLES } from '../shared/domain/reference-data.ts';
import type { RouteSpec } from '../shared/http/route.ts';
import { routeList } from '../shared/routes.ts';
import { apiFunctions, functionOfRoute, needsOf, separateBundlesOf, type ApiFunctionId } from '../shared/functions.ts';
import { routeKeyOf } from '../shared/http/dispatch.ts';
import {
  CORS_ALLOW_HEADERS,
  CORS_ALLOW_METHODS,
  CORS_EXPOSE_HEADERS,
  CORS_MAX_AGE_SECONDS,
  parseCorsOrigins,
} from '../shared/http/cors.ts';
import { tableDesign } from '../shared/store/table-design.ts';
import { PARTICIPANT_IDENTITY_PURPOSE, PARTICIPANT_KEY_VARIABLES, SECRET_ID_VARIABLES } from '../shared/runtime/secret-ids.ts';
import { RouteFunction } from './constructs/route-function.ts';
import { SelectionWorkflow } from './constructs/selection-workflow.ts';
import { ScheduledJobs } from './constructs/scheduled-jobs.ts';
import { OutboxSender } from './constructs/outbox-sender.ts';
import { Operations } from './constructs/operations.ts';
import { schedules } from '../shared/schedules.ts';

export const STACK_ID = 'WerkEnZorgStack';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVICE_NAME = 'werk-en-zorg';
/** The operations mailbox the alarms go to unless `operationsEmail` (context or prop) says otherwise. */
export const DEFAULT_OPERATIONS_EMAIL = 'werkenzorg@vlaanderen.be';

/** Every log group of a stack is named under this prefix, which is all its KMS key admits CloudWatch Logs to. */
export function logGroupPrefix(stack: Stack): string {
  return `/${SERVICE_NAME}/${stack.stackName}/`;
}

/**
 * Names every log group of the stack that has no name of its own `<prefix><construct path>` (for instance
 * `/werk-en-zorg/WerkEnZorgStack/CallsRead`), so that the key policy can admit exactly this stack's log
 * groups. CloudFormation would otherwise generate names that no policy can predict.
 */
class NameLogGroups implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnLogGroup)) return;
    const stack = Stack.of(node);
    // An L2 LogGroup without a name carries a token that resolves to nothing (CloudFormation's generated name).
    if (stack.resolve(node.logGroupName) !== undefined) return;
    const path = node.node.scopes
      .slice(node.node.scopes.indexOf(stack) + 1)
      .map((scope) => scope.node.id)
      .filter((id) => id !== 'Resource' && id !== 'LogGroup');
    node.logGroupName = `${logGroupPrefix(stack)}${path.join('/')}`;
  }
}

export interface WerkEnZorgStackProps extends StackProps {
  /** Where reports for the department go (failed notices); default the From address. */
  departmentEmail?: string;
  /** Where the CloudWatch alarms are emailed (SNS; the recipient confirms the subscription); default DEFAULT_OPERATIONS_EMAIL. */
  operationsEmail?: string;
  /** The From address of every email (MAIL_FROM); a verified SES identity in the account. */
  mailFrom?: string;
  /** The department's portal, linked from every email (PORTAL_URL); none by default. */
  portalUrl?: string;
  /** The SES identity `sendsEmail` functions may send as: a domain or an address (default: the domain of `mailFrom`). */
  sesIdentity?: string;
  /**
   * Put the user pool on Cognito's Plus feature plan with full threat protection (billed per monthly
   * active user). Off by default: the pool then uses Essentials, with MFA required.
   */
  cognitoPlus?: boolean;
  /**
   * The origins of portals that may call the API from a browser (CORS; shared/http/cors.ts); none by
   * default, and then the HTTP API has no CORS configuration.
   */
  corsOrigins?: readonly string[];
  /** Default-stage throttling of the HTTP API. */
  throttle?: { rateLimit: number; burstLimit: number };
  logRetention?: RetentionDays;
  /** The route table (tests may pass a subset); entries marked `localOnly` are not deployed. */
  routes?: readonly RouteSpec[];
}

/** The `METHOD /path` key of a route, as API Gateway writes RouteKey (one definition, shared with the dispatcher). */
export { routeKeyOf };

/** The route-table entries that CDK deploys (all but the local-only ones). */
export function deployedRouteSpecs(routes: readonly RouteSpec[] = routeList): RouteSpec[] {
  return routes.filter((spec) => !spec.localOnly);
}

/** PascalCase construct id from an operationId: `getFacility` → `GetFacility`. */
export function constructIdOf(spec: Pick<RouteSpec, 'operationId'>): string {
  return spec.operationId.charAt(0).toUpperCase() + spec.operationId.slice(1);
}

interface TemplateLike {
  Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }>;
}

/** The routes a synthesized template deploys, as sorted `METHOD /path` strings (AWS::ApiGatewayV2::Route RouteKey). */
export function deployedRouteKeys(template: TemplateLike): string[] {
  return Object.values(template.Resources ?? {})
    .filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route')
    .map((resource) => {
      const key = resource.Properties?.RouteKey;
      if (typeof key !== 'string') throw new Error(`route without a literal RouteKey: ${JSON.stringify(key)}`);
      return key;
    })
    .sort();
}

/**
 * The whole AWS side: one table (from the table design), a Cognito user pool, an HTTP API with a JWT
 * authorizer and one route per route-table entry, served by the functions of shared/functions.ts, each
 * granted exactly the union of what its routes declare.
 */
export class WerkEnZorgStack extends Stack {
  readonly key: Key;
  /** Seals participants' identities at field level (never the table's key). */
  readonly participantIdentityKey: Key;
  readonly table: Table;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** The function that serves each deployed route, by operationId (several routes share one). */
  readonly routeFunctions: ReadonlyMap<string, RouteFunction>;
  /** The API functions, by id (shared/functions.ts). */
  readonly apiFunctions: ReadonlyMap<ApiFunctionId, RouteFunction>;
  readonly selection: SelectionWorkflow;
  readonly scheduledJobs: ScheduledJobs;
  readonly outboxSender: OutboxSender;
  /** The HMAC keys (Secrets Manager), read at run time by the functions that need them. */
  readonly receiptSigningKey: Secret;
  readonly clientPseudonymKey: Secret;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: WerkEnZorgStackProps = {}) {
    super(scope, id, {
      description: 'Werk- en zorgtrajecten: facilities, calls, networks, trajectories, AMA.',
      ...props,
    });
    const mailFrom = props.mailFrom ?? 'no-reply@werkenzorg.vlaanderen.be';
    const sesIdentity = props.sesIdentity ?? mailFrom.slice(mailFrom.lastIndexOf('@') + 1);
    // Rule `retention-logs` (shared/domain/retention.ts): 365 days, a value CloudWatch offers.
    const logRetention = props.logRetention ?? (logRetentionDays(new Date().toISOString().slice(0, 10)));
    const throttle = props.throttle ?? { rateLimit: 50, burstLimit: 100 };

    // --- Encryption key: the table, the log groups (and later the DLQ). ---
    this.key = new Key(this, 'DataKey', {
      alias: 'alias/werk-en-zorg/data',
      description: 'Werk- en zorgtrajecten: encrypts the table, the log groups and the queues.',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs may use the key for this stack's log groups only: every log group of the stack is
    // named under LOG_GROUP_PREFIX (the aspect below), and the key admits exactly those names.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:log-group:${logGroupPrefix(this)}*`,
          },
        },
      }),
    );
    Aspects.of(this).add(new NameLogGroups());
    // Grants on the key only for AWS resources (DynamoDB, Secrets Manager… create them on a caller's
    // behalf): nobody may create a grant for anything else, whatever another statement allows.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { Bool: { 'kms:GrantIsForAWSResource': 'false' } },
      }),
    );

    // --- The key of AMA participants' identities (field-level envelope encryption with the AWS Encryption
    // SDK, shared/runtime/participant-cipher.ts): apart from the data key, so that reading the table is not
    // reading identities. Functions get GenerateDataKey (seal) or Decrypt (open), on this purpose only. ---
    this.participantIdentityKey = new Key(this, 'ParticipantIdentityKey', {
      alias: 'alias/werk-en-zorg/participant-identity',
      description: "Werk- en zorgtrajecten: seals AMA participants' names and national register numbers (field level).",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- The table, from the one table design. ---
    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      stream: StreamViewType[tableDesign.stream],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableDesign.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    // --- Users: a Cognito user pool, one group per role. ---
    const cognitoPlus = props.cognitoPlus ?? false;
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: 'werk-en-zorg-users',
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // An administrator sets (and may change) the facility of a user; users cannot (see the client below).
      customAttributes: { facility: new StringAttribute({ minLen: 10, maxLen: 10, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Users see personal data of trajectory clients: a second factor always, by authenticator app
      // (SMS would need an SNS role and costs per message).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: cognitoPlus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(cognitoPlus ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    if (!cognitoPlus) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection needs the Cognito Plus feature plan, billed per monthly active user. The pool is small and ' +
          'administrator-provisioned (no self sign-up) with MFA required and a strong password policy; set the ' +
          '`cognitoPlus` context value to true to move it to Plus with full threat protection.',
      });
    }
    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Role ${role}` });
    }
    this.userPoolClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'werk-en-zorg-web',
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('facility'),
      // Never custom:facility: it decides which facility's data a user sees.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });

    // --- The HTTP API: a JWT authorizer, access logs, throttling. ---
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: 'werk-en-zorg',
      description: 'Werk- en zorgtrajecten API (routes from shared/routes.ts)',
      createDefaultStage: false,
      // CORS for the configured origins only; API Gateway answers the preflights itself (no route, no resource).
      ...(props.corsOrigins?.length
        ? {
            corsPreflight: {
              allowOrigins: [...props.corsOrigins],
              allowMethods: CORS_ALLOW_METHODS.map((method) => CorsHttpMethod[method]),
              allowHeaders: [...CORS_ALLOW_HEADERS],
              exposeHeaders: [...CORS_EXPOSE_HEADERS],
              maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
            },
          }
        : {}),
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: logRetention, encryptionKey: this.key });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            // The caller, as the JWT authorizer verified it (empty when it refused the token): never the token.
            sub: '$context.authorizer.claims.sub',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });
    const authorizer = new HttpJwtAuthorizer(
      'CognitoJwt',
      `https://cognito-idp.${Aws.REGION}.amazonaws.com/${this.userPool.userPoolId}`,
      {
        authorizerName: 'cognito-jwt',
        identitySource: ['$request.header.Authorization'],
        jwtAudience: [this.userPoolClient.userPoolClientId],
      },
    );

    // --- One function and one route per route-table entry. ---
    const environment = {
      TABLE_NAME: this.table.tableName,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      MAIL_FROM: mailFrom,
      ...(props.portalUrl ? { PORTAL_URL: props.portalUrl } : {}),
    };
    // The HMAC key that signs submission receipts. Only the functions that sign or verify receipts may read
    // it, at run time (Powertools Parameters, cached); their environment names the secret's ARN, never its value.
    const receiptSigningKey = (this.receiptSigningKey = new Secret(this, 'ReceiptSigningKey', {
      description: 'HMAC key for submission receipts (base64 alphabet, 48 bytes).',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    Validations.of(receiptSigningKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the receipt key would make earlier receipts unverifiable; rotation needs key ids in receipts first (planned), so it is rotated by hand with a new key id.',
    });
    // --- The scheduled jobs (EventBridge Scheduler, Europe/Brussels), from shared/schedules.ts. ---
    this.scheduledJobs = new ScheduledJobs(this, 'Jobs', {
      schedules,
      repoRoot: REPO_ROOT,
      table: this.table,
      key: this.key,
      logRetention,
      sesIdentity,
      environment: { ...environment, DEPARTMENT_EMAIL: props.departmentEmail ?? mailFrom },
    });

    // What every background function (outbox sender, workflow tasks) is built with.
    const background = { repoRoot: REPO_ROOT, table: this.table, key: this.key, logRetention, sesIdentity, environment };

    // --- The outbox's stream sender (the sweep is a scheduled job above). ---
    this.outboxSender = new OutboxSender(this, 'Outbox', background);

    // --- The network-selection workflow (Step Functions, Standard). ---
    this.selection = new SelectionWorkflow(this, 'Selection', background);

    // The HMAC key of the one-active-trajectory-per-client marker: client references never appear in keys.
    const clientPseudonymKey = (this.clientPseudonymKey = new Secret(this, 'ClientPseudonymKey', {
      description: 'HMAC key that pseudonymizes client references in keys (base64 alphabet, 48 bytes).',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    Validations.of(clientPseudonymKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the pseudonym key would orphan the one-active-trajectory markers; it is rotated by re-keying the markers in a migration.',
    });

    // --- One function per entry of shared/functions.ts, granted the union of what its routes declare. ---
    const deployed = deployedRouteSpecs(props.routes);
    const byFunction = new Map<ApiFunctionId, RouteSpec[]>();
    for (const spec of deployed) {
      const fnId = functionOfRoute(spec.operationId);
      byFunction.set(fnId, [...(byFunction.get(fnId) ?? []), spec]);
    }
    const functions = new Map<string, RouteFunction>();
    const apiFunctionsById = new Map<ApiFunctionId, RouteFunction>();
    for (const [fnId, specs] of byFunction) {
      const fnSpec = apiFunctions[fnId];
      const needs = needsOf(specs);
      const routeFunction = new RouteFunction(this, fnId, {
        spec: {
          operationId: fnId,
          handler: fnSpec.entry,
          description: `${fnSpec.description}: ${specs.map((s) => s.operationId).join(', ')}`.slice(0, 256),
          table: needs.table,
          sendsEmail: needs.sendsEmail,
          nodeModules: needs.nodeModules,
          separateBundles: separateBundlesOf(fnId, needs),
        },
        repoRoot: REPO_ROOT,
        table: this.table,
        logKey: this.key,
        logRetention,
        sesIdentity,
        environment: {
          ...environment,
          ...(needs.signsReceipts ? { [SECRET_ID_VARIABLES.receiptKey]: receiptSigningKey.secretArn } : {}),
          ...(needs.startsSelection ? { SELECTION_STATE_MACHINE_ARN: this.selection.stateMachine.stateMachineArn } : {}),
          ...(needs.pseudonymizesClients ? { [SECRET_ID_VARIABLES.pseudonymKey]: clientPseudonymKey.secretArn } : {}),
          ...(needs.sealsParticipantIdentity || needs.opensParticipantIdentity
            ? { [PARTICIPANT_KEY_VARIABLES.kmsKeyArn]: this.participantIdentityKey.keyArn }
            : {}),
        },
      });
      const identityKeyUse = [
        ...(needs.sealsParticipantIdentity ? ['kms:GenerateDataKey'] : []),
        ...(needs.opensParticipantIdentity ? ['kms:Decrypt'] : []),
      ];
      if (identityKeyUse.length > 0) {
        routeFunction.role.addToPolicy(
          new PolicyStatement({
            actions: identityKeyUse,
            resources: [this.participantIdentityKey.keyArn],
            conditions: { StringEquals: { 'kms:EncryptionContext:purpose': PARTICIPANT_IDENTITY_PURPOSE } },
          }),
        );
      }
      if (needs.startsSelection) this.selection.stateMachine.grantStartExecution(routeFunction.role);
      if (needs.signsReceipts) routeFunction.grantSecretValue(receiptSigningKey);
      if (needs.pseudonymizesClients) routeFunction.grantSecretValue(clientPseudonymKey);
      apiFunctionsById.set(fnId, routeFunction);
      // One integration per function, shared by its routes; API Gateway may invoke the function for any
      // route of this API (the permission cannot list several routes), and the dispatcher serves only its own.
      const integration = new HttpLambdaIntegration(`${fnId}Integration`, routeFunction.function, {
        scopePermissionToRoute: false,
      });
      for (const spec of specs) {
        if (functions.has(spec.operationId)) throw new Error(`duplicate operationId ${spec.operationId}`);
        functions.set(spec.operationId, routeFunction);
        const id = constructIdOf(spec);
        const route = new HttpRoute(this, `${id}Route`, {
          httpApi: this.api,
          routeKey: HttpRouteKey.with(spec.path, HttpMethod[spec.method]),
          integration,
          ...(spec.auth === 'public' ? {} : { authorizer }),
        });
        if (spec.auth === 'public') {
          Validations.of(route).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${routeKeyOf(spec)} is public by design (auth: 'public' in the route table): it serves no data of anyone.`,
          });
        }
      }
    }
    this.apiFunctions = apiFunctionsById;
    this.routeFunctions = functions;

    // --- Alarms (to the operations email) and the dashboard, over every function and queue of the stack. ---
    this.operations = new Operations(this, 'Operations', {
      operationsEmail: props.operationsEmail ?? DEFAULT_OPERATIONS_EMAIL,
      key: this.key,
      functions: this.node.findAll().filter((c): c is RouteFunction => c instanceof RouteFunction),
      // Every queue of the stack is a dead-letter queue (a working queue would want an age alarm instead).
      deadLetterQueues: this.node.findAll().filter((c): c is Queue => c instanceof Queue),
      stateMachines: [this.selection.stateMachine],
      api: this.api,
      serviceName: SERVICE_NAME,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}

export interface BuildAppOptions {
  /** Where the cloud assembly goes (default: CDK's, i.e. `cdk.out` under the CLI). */
  outdir?: string;
  /** Run cdk-nag's AwsSolutions checks as a validation plugin during synthesis. */
  nag?: boolean;
  /** Context values (e.g. `mailFrom`, `sesIdentity`, `cognitoPlus`); the CLI passes cdk.json's and `-c` ones itself. */
  context?: Record<string, unknown>;
  stackProps?: WerkEnZorgStackProps;
}

function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The CDK app with its one stack; `infra/app.ts` synthesizes it, tests synthesize it in-process. */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: WerkEnZorgStack } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    ...(options.context ? { context: options.context } : {}),
  });
  const cognitoPlus = app.node.tryGetContext('cognitoPlus') as unknown;
  const mailFrom = contextString(app, 'mailFrom');
  const sesIdentity = contextString(app, 'sesIdentity');
  const operationsEmail = contextString(app, 'operationsEmail');
  const portalUrl = contextString(app, 'portalUrl');
  const corsOrigins = parseCorsOrigins(app.node.tryGetContext('corsOrigins'));
  // Environment-agnostic: `cdk deploy` targets the account and region of the CLI's credentials.
  const stack = new WerkEnZorgStack(app, STACK_ID, {
    ...(mailFrom ? { mailFrom } : {}),
    ...(sesIdentity ? { sesIdentity } : {}),
    ...(operationsEmail ? { operationsEmail } : {}),
    ...(portalUrl ? { portalUrl } : {}),
    ...(corsOrigins.length > 0 ? { corsOrigins } : {}),
    cognitoPlus: cognitoPlus === true || cognitoPlus === 'true',
    ...options.stackProps,
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
