import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { ROLES } from '../../shared/domain/reference-data.ts';
import { routes } from '../../shared/routes.ts';
import { tableDesign } from '../../shared/store/table-design.ts';
import { OPERATION_TAG } from '../../infra/constructs/route-function.ts';
import { deployedRouteSpecs, REPO_ROOT, routeKeyOf, STACK_ID } from '../../infra/stack.ts';
import { PARTICIPANT_IDENTITY_PURPOSE, PARTICIPANT_KEY_VARIABLES, SECRET_ID_VARIABLES } from '../../shared/runtime/secret-ids.ts';
import { SELECTION_TASKS, SELECTION_TASKS_FUNCTION } from '../../shared/workflows/selection.ts';
import { apiFunctions, functionOfRoute, needsOf, routeSpecsOf, type ApiFunctionId } from '../../shared/functions.ts';
import { AUDIT_ENTRY_ATTRIBUTES, AUDITED_PARTITION_PREFIXES } from '../../shared/store/audit.ts';
import { schedules } from '../../shared/schedules.ts';
import { logicalIdOf, synthesize, SYNTH_TIMEOUT_MS, templateOf, type Synthesized } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string };
interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'];

let synthesized: Synthesized;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  synthesized = synthesize();
  if (synthesized.synthError) throw synthesized.synthError;
  template = templateOf(synthesized);
  resources = template.toJSON().Resources as Record<string, Resource>;
}, SYNTH_TIMEOUT_MS);

afterAll(() => synthesized?.cleanup());

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

const keyId = () => logicalIdOf(synthesized.stack.key);
const tableId = () => logicalIdOf(synthesized.stack.table);

/** Every statement of every policy attached to the role of an API function. */
function statementsOfFunction(fnId: ApiFunctionId): Statement[] {
  const routeFunction = synthesized.stack.apiFunctions.get(fnId);
  if (!routeFunction) throw new Error(`no function ${fnId}`);
  const roleId = logicalIdOf(routeFunction.role);
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function environmentOf(fnId: ApiFunctionId): Record<string, unknown> {
  const routeFunction = synthesized.stack.apiFunctions.get(fnId)!;
  const fn = resources[logicalIdOf(routeFunction.function)]!;
  return (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe('the stack', () => {
  it('is the one stack, named as the local workflow runner expects', () => {
    expect(synthesized.stack.stackName).toBe(STACK_ID);
    expect(synthesized.stack.artifactId).toBe('WerkEnZorgStack');
  });

  it('outputs the API URL, user pool, client and table name', () => {
    const outputs = Object.keys(template.toJSON().Outputs as Record<string, unknown>);
    expect(outputs).toEqual(expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName']));
  });
});

describe('the KMS key', () => {
  it('is customer-managed, rotated and kept', () => {
    // The data key, and the participant identity key (its own describe block below).
    template.resourceCountIs('AWS::KMS::Key', 2);
    for (const [, key] of ofType('AWS::KMS::Key')) {
      expect(key.Properties.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe('Retain');
    }
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/werk-en-zorg/data' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/werk-en-zorg/participant-identity' });
  });
});

describe('the table', () => {
  it('is one plain DynamoDB table (not a global table)', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
  });

  it('has the keys, GSIs and TTL attribute of the table design', () => {
    const attributes = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
    for (const gsi of tableDesign.globalSecondaryIndexes) attributes.add(gsi.partitionKey).add(gsi.sortKey);
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining([...attributes].map((AttributeName) => ({ AttributeName, AttributeType: 'S' }))),
    );
    expect((table.Properties.AttributeDefinitions as unknown[]).length).toBe(attributes.size);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      tableDesign.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableDesign.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('is on demand, with point-in-time recovery, deletion protection and retained', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('is encrypted with the customer-managed key', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId(), 'Arn'] } },
    });
  });
});

describe('the user pool', () => {
  it('has one group per role', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
  });

  it('has no self sign-up, a strong password policy, MFA and a mutable custom facility attribute', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'facility', AttributeDataType: 'String', Mutable: true })]),
    });
    const [, pool] = ofType('AWS::Cognito::UserPool')[0]!;
    const policy = (pool.Properties.Policies as { PasswordPolicy: { MinimumLength: number } }).PasswordPolicy;
    expect(policy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has an app client that reads the facility attribute but cannot change it', () => {
    const [, client] = ofType('AWS::Cognito::UserPoolClient')[0]!;
    expect(client.Properties.GenerateSecret).toBe(false);
    expect(client.Properties.ReadAttributes).toContain('custom:facility');
    expect(client.Properties.WriteAttributes).not.toContain('custom:facility');
  });
});

describe('the functions', () => {
  const deployed = deployedRouteSpecs();
  const taskIds = () => [
    SELECTION_TASKS_FUNCTION.operationId,
    ...schedules.map((s) => s.id),
    'outbox-stream-sender',
  ];

  it("are the API functions of shared/functions.ts, one for the workflow's tasks and one per scheduled job", () => {
    template.resourceCountIs('AWS::Lambda::Function', Object.keys(apiFunctions).length + taskIds().length);
    const tagged = ofType('AWS::Lambda::Function').map(
      ([, fn]) => (fn.Properties.Tags as { Key: string; Value: string }[]).find((t) => t.Key === OPERATION_TAG)?.Value,
    );
    expect(tagged.sort()).toEqual([...Object.keys(apiFunctions), ...taskIds()].sort());
  });

  it('serve every deployed route exactly once, and no route outside the table', () => {
    const served = Object.values(apiFunctions).flatMap((fn) => [...fn.routes] as string[]);
    expect(new Set(served).size).toBe(served.length);
    expect(served.sort()).toEqual(deployed.map((spec) => spec.operationId).sort());
  });

  it('all run Node.js 22 on arm64 with tracing, 512 MB, a short timeout (API) and the environment', () => {
    for (const [id, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties.Runtime, id).toBe('nodejs22.x');
      expect(fn.Properties.Architectures, id).toEqual(['arm64']);
      expect(fn.Properties.MemorySize, id).toBe(512);
      const isTask = id.startsWith('Selection') || id.startsWith('Jobs') || id.startsWith('Outbox');
      expect(fn.Properties.Timeout, id).toBeLessThanOrEqual(isTask ? 300 : 15);
      expect(fn.Properties.Handler, id).toBe('index.handler');
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.TABLE_NAME, id).toEqual({ Ref: tableId() });
      expect(variables, id).toMatchObject({
        POWERTOOLS_SERVICE_NAME: expect.any(String),
        POWERTOOLS_LOG_LEVEL: expect.any(String),
        NODE_OPTIONS: '--enable-source-maps',
        MAIL_FROM: expect.stringContaining('@'),
      });
    }
  });

  it('each log to their own log group, kept a year and encrypted with the key', () => {
    const logGroups = new Set(ofType('AWS::Logs::LogGroup').map(([id]) => id));
    const used = ofType('AWS::Lambda::Function').map(
      ([, fn]) => (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref,
    );
    expect(new Set(used).size).toBe(used.length);
    for (const id of used) expect(logGroups.has(id), id).toBe(true);
    for (const [id, group] of ofType('AWS::Logs::LogGroup')) {
      expect(group.Properties.RetentionInDays, id).toBe(365);
      expect(group.Properties.KmsKeyId, id).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
    }
  });

  it('use no AWS managed policies', () => {
    for (const [id, role] of ofType('AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns, id).toBeUndefined();
  });
});

describe('least privilege: each function gets exactly the union of what its routes declare', () => {
  const functionIds = () => Object.keys(apiFunctions) as ApiFunctionId[];
  const needs = (fnId: ApiFunctionId) => needsOf(routeSpecsOf(fnId));
  const dynamoActions = (fnId: ApiFunctionId) =>
    [...new Set(actionsOf(statementsOfFunction(fnId)).filter((a) => a.startsWith('dynamodb:')))].sort();
  const readSet = () => dynamoActions('FacilitiesRead');

  it('the grouping keeps reads, audited reads and writes apart', () => {
    for (const fnId of functionIds()) {
      const tables = new Set(
        deployedRouteSpecs()
          .filter((spec) => functionOfRoute(spec.operationId) === fnId)
          .map((spec) => spec.table),
      );
      expect([...tables], fnId).toHaveLength(1);
    }
  });

  it('a read function reads and cannot write: no write action, no kms:Encrypt', () => {
    const readers = functionIds().filter((fnId) => needs(fnId).table === 'read');
    expect(readers.length).toBeGreaterThan(2);
    expect(readSet()).toEqual(expect.arrayContaining(READ_ACTIONS));
    for (const fnId of readers) {
      expect(dynamoActions(fnId), fnId).toEqual(readSet());
      for (const action of WRITE_ACTIONS) expect(dynamoActions(fnId), fnId).not.toContain(action);
      expect(actionsOf(statementsOfFunction(fnId)), fnId).not.toContain('kms:Encrypt');
    }
  });

  it('an audited read may add audit entries and nothing else: PutItem of the audit attributes, in audited partitions', () => {
    const auditors = functionIds().filter((fnId) => needs(fnId).table === 'audit');
    expect(auditors.sort()).toEqual(['AmaAudited', 'TrajectoriesAudited']);
    for (const fnId of auditors) {
      expect(dynamoActions(fnId), fnId).toEqual([...readSet(), 'dynamodb:PutItem'].sort());
      const puts = statementsOfFunction(fnId).filter((s) => actionsOf([s]).includes('dynamodb:PutItem'));
      expect(puts, fnId).toHaveLength(1);
      expect(actionsOf(puts), fnId).toEqual(['dynamodb:PutItem']);
      expect(puts[0]!.Condition, fnId).toEqual({
        'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...AUDIT_ENTRY_ATTRIBUTES] },
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': AUDITED_PARTITION_PREFIXES.map((p) => `${p}*`) },
        StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
      });
      expect(JSON.stringify(puts[0]!.Resource), fnId).toContain(tableId());
      expect(JSON.stringify(puts[0]!.Resource), fnId).not.toContain('index');
    }
  });

  it('a write function reads and writes; a function without table access has no table or key action', () => {
    for (const fnId of functionIds()) {
      const { table } = needs(fnId);
      const actions = actionsOf(statementsOfFunction(fnId));
      if (table === 'write')
        expect(actions, fnId).toEqual(expect.arrayContaining([...READ_ACTIONS, ...WRITE_ACTIONS, 'kms:Decrypt']));
      if (table === 'none')
        expect(
          actions.filter((a) => /^(dynamodb|kms):/.test(a)),
          fnId,
        ).toEqual([]);
    }
  });

  it('email, starting the selection and the secrets only where a route of the function declares them', () => {
    const [smId] = ofType('AWS::StepFunctions::StateMachine')[0]!;
    for (const fnId of functionIds()) {
      const need = needs(fnId);
      const statements = statementsOfFunction(fnId);
      const ses = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));
      expect(ses.length > 0, fnId).toBe(need.sendsEmail);
      for (const statement of ses) {
        expect(actionsOf([statement]), fnId).toEqual(['ses:SendEmail']);
        expect(JSON.stringify(statement.Resource), fnId).toContain(':identity/');
      }
      const states = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('states:')));
      expect(states.length > 0, fnId).toBe(need.startsSelection);
      for (const statement of states) {
        expect(actionsOf([statement]), fnId).toEqual(['states:StartExecution']);
        expect(statement.Resource, fnId).toEqual({ Ref: smId });
      }
      const variables = environmentOf(fnId);
      expect(SECRET_ID_VARIABLES.receiptKey in variables, fnId).toBe(need.signsReceipts);
      expect(SECRET_ID_VARIABLES.pseudonymKey in variables, fnId).toBe(need.pseudonymizesClients);
      expect('SELECTION_STATE_MACHINE_ARN' in variables, fnId).toBe(need.startsSelection);
      const secrets = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')));
      expect(secrets.length > 0, fnId).toBe(need.signsReceipts || need.pseudonymizesClients);
      // Nothing beyond logs, tracing, the table (and its key), SES, starting the selection and reading a secret.
      for (const action of actionsOf(statements))
        expect(action, fnId).toMatch(/^(logs|xray|dynamodb|kms|ses|states|secretsmanager):/);
      for (const statement of statements) {
        if (actionsOf([statement]).some((a) => a.startsWith('dynamodb:'))) {
          expect(JSON.stringify(statement.Resource), fnId).toContain(tableId());
        }
        if (statement.Resource === '*')
          expect(
            actionsOf([statement]).every((a) => a.startsWith('xray:')),
            fnId,
          ).toBe(true);
      }
    }
  });
});

describe("room to grow: under half of CloudFormation's limits", () => {
  it("resources: at most 250 with today's routes, and never past 80 % of the 500 a stack may have", () => {
    const count = Object.keys(resources).length;
    expect(count, `${count} resources`).toBeLessThanOrEqual(400);
    expect(count, `${count} resources`).toBeLessThanOrEqual(250);
  });

  it('outputs, parameters and the template body stay under half of their limits', () => {
    const json = template.toJSON() as { Outputs?: object; Parameters?: object; Mappings?: object };
    expect(Object.keys(json.Outputs ?? {}).length).toBeLessThanOrEqual(100);
    expect(Object.keys(json.Parameters ?? {}).length).toBeLessThanOrEqual(100);
    expect(Object.keys(json.Mappings ?? {}).length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(json).length).toBeLessThanOrEqual(500_000);
  });

  it('a new route costs one resource when it joins an existing function', () => {
    const routesCount = ofType('AWS::ApiGatewayV2::Route').length;
    const perFunction = ['AWS::Lambda::Function', 'AWS::Lambda::Permission', 'AWS::ApiGatewayV2::Integration'];
    expect(routesCount).toBe(deployedRouteSpecs().length);
    for (const type of perFunction.slice(1)) {
      expect(
        ofType(type).filter(
          ([, r]) => type !== 'AWS::Lambda::Permission' || r.Properties.Principal === 'apigateway.amazonaws.com',
        ),
        type,
      ).toHaveLength(Object.keys(apiFunctions).length);
    }
  });
});

describe('the HTTP API', () => {
  const authorizerId = () => ofType('AWS::ApiGatewayV2::Authorizer')[0]![0];

  it('has no CORS configuration by default (no corsOrigins: test/infra/cors.test.ts gives some)', () => {
    const apis = ofType('AWS::ApiGatewayV2::Api');
    expect(apis).toHaveLength(1);
    expect(apis[0]![1].Properties.CorsConfiguration).toBeUndefined();
  });

  it('has a JWT authorizer for the Cognito user pool and app client', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const poolId = logicalIdOf(synthesized.stack.userPool);
    const clientId = logicalIdOf(synthesized.stack.userPoolClient);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }]] },
      },
    });
  });

  it('puts the authorizer on every route but the public ones', () => {
    const byKey = new Map(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey as string, r.Properties]));
    for (const spec of deployedRouteSpecs()) {
      const route = byKey.get(routeKeyOf(spec));
      expect(route, routeKeyOf(spec)).toBeDefined();
      if (spec.auth === 'public') {
        expect(route!.AuthorizationType, routeKeyOf(spec)).toBe('NONE');
        expect(route!.AuthorizerId, routeKeyOf(spec)).toBeUndefined();
      } else {
        expect(route!.AuthorizationType, routeKeyOf(spec)).toBe('JWT');
        expect(route!.AuthorizerId, routeKeyOf(spec)).toEqual({ Ref: authorizerId() });
      }
    }
  });

  it('leaves exactly /health, /openapi.json and the problem type pages public', () => {
    const open = ofType('AWS::ApiGatewayV2::Route')
      .filter(([, r]) => r.Properties.AuthorizationType !== 'JWT')
      .map(([, r]) => r.Properties.RouteKey);
    expect(open.sort()).toEqual(
      [routeKeyOf(routes.getHealth), routeKeyOf(routes.getOpenApi), routeKeyOf(routes.getProblemType)].sort(),
    );
  });

  it('integrates every route with the function that serves it, one integration per function (payload format 2.0)', () => {
    const integrations = ofType('AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(Object.keys(apiFunctions).length);
    for (const [id, integration] of integrations) {
      expect(integration.Properties.IntegrationType, id).toBe('AWS_PROXY');
      expect(integration.Properties.PayloadFormatVersion, id).toBe('2.0');
    }
    for (const spec of deployedRouteSpecs()) {
      const fnId = logicalIdOf(synthesized.stack.apiFunctions.get(functionOfRoute(spec.operationId))!.function);
      const [, route] = ofType('AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties.RouteKey === routeKeyOf(spec))!;
      const target = JSON.stringify(route.Properties.Target);
      const [integrationId] = integrations.find(([iid]) => target.includes(iid))!;
      expect(JSON.stringify(resources[integrationId]!.Properties.IntegrationUri), spec.operationId).toContain(fnId);
    }
  });

  it('lets API Gateway invoke each API function from this API only', () => {
    const apiId = logicalIdOf(synthesized.stack.api);
    const permissions = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com',
    );
    for (const [id, permission] of permissions) {
      const source = JSON.stringify(permission.Properties.SourceArn);
      expect(source, id).toContain(apiId);
      expect(source, id).toContain('/*/*');
    }
  });

  it("logs access as JSON (with the caller's sub, never the token) to a log group and throttles the default stage", () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    const [, stage] = ofType('AWS::ApiGatewayV2::Stage')[0]!;
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    const settings = stage.Properties.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    const destination = resources[settings.DestinationArn['Fn::GetAtt'][0]]!;
    expect(destination.Type).toBe('AWS::Logs::LogGroup');
    expect(destination.Properties.RetentionInDays).toBe(365);
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      status: '$context.status',
      sub: '$context.authorizer.claims.sub',
      latency: '$context.responseLatency',
    });
    const throttling = stage.Properties.DefaultRouteSettings as { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
    expect(throttling.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(throttling.ThrottlingBurstLimit).toBeGreaterThanOrEqual(throttling.ThrottlingRateLimit);
  });
});

describe("the participant identity key (field-level encryption of AMA participants' identities)", () => {
  const identityKeyId = () => logicalIdOf(synthesized.stack.participantIdentityKey);
  const onIdentityKey = (statement: Statement) =>
    JSON.stringify(statement.Resource) === JSON.stringify({ 'Fn::GetAtt': [identityKeyId(), 'Arn'] });

  it('is a key of its own, rotated, kept when the stack goes', () => {
    const key = resources[identityKeyId()]!;
    expect(identityKeyId()).not.toBe(keyId());
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('sealing routes may only generate data keys, opening routes only decrypt, both on the identity purpose; no other role may use it', () => {
    expect(
      deployedRouteSpecs()
        .filter((spec) => spec.sealsParticipantIdentity)
        .map((spec) => spec.operationId)
        .sort(),
    ).toEqual(['createAgreement', 'updateAgreement']);
    expect(
      deployedRouteSpecs()
        .filter((spec) => spec.opensParticipantIdentity)
        .map((spec) => spec.operationId)
        .sort(),
    ).toEqual(['agreementDocument', 'getAgreement']);
    for (const fnId of Object.keys(apiFunctions) as ApiFunctionId[]) {
      if (!synthesized.stack.apiFunctions.has(fnId)) continue;
      const need = needsOf(routeSpecsOf(fnId));
      const statements = statementsOfFunction(fnId).filter(onIdentityKey);
      const expected = [
        ...(need.sealsParticipantIdentity ? ['kms:GenerateDataKey'] : []),
        ...(need.opensParticipantIdentity ? ['kms:Decrypt'] : []),
      ];
      expect(actionsOf(statements).sort(), fnId).toEqual(expected.sort());
      for (const statement of statements) {
        expect(statement.Condition, fnId).toEqual({
          StringEquals: { 'kms:EncryptionContext:purpose': PARTICIPANT_IDENTITY_PURPOSE },
        });
      }
      expect(PARTICIPANT_KEY_VARIABLES.kmsKeyArn in environmentOf(fnId), fnId).toBe(expected.length > 0);
      expect(PARTICIPANT_KEY_VARIABLES.localKeyFile in environmentOf(fnId), fnId).toBe(false);
    }
    expect(needsOf(routeSpecsOf('AmaWrite')).opensParticipantIdentity).toBe(false);
    expect(needsOf(routeSpecsOf('AmaAudited')).sealsParticipantIdentity).toBe(false);
    // No role of the stack other than those (jobs, workflow tasks, the stream sender…) names the key.
    const allowed = new Set(
      (['AmaWrite', 'AmaAudited'] as const).map((fnId) => logicalIdOf(synthesized.stack.apiFunctions.get(fnId)!.role)),
    );
    for (const [id, policy] of ofType('AWS::IAM::Policy')) {
      const roles = (policy.Properties.Roles as Array<{ Ref: string }>).map((r) => r.Ref);
      const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
      if (statements.some(onIdentityKey))
        expect(
          roles.every((role) => allowed.has(role)),
          id,
        ).toBe(true);
    }
  });

  it('a route declares sealing or opening exactly when its handler does', () => {
    for (const spec of deployedRouteSpecs()) {
      const source = readFileSync(path.join(REPO_ROOT, spec.handler), 'utf8');
      expect(/sealParticipantIdentity\(/.test(source), spec.operationId).toBe(spec.sealsParticipantIdentity === true);
      expect(/openParticipantIdentity\(/.test(source), spec.operationId).toBe(spec.opensParticipantIdentity === true);
    }
  });
});

describe('the HMAC keys (Secrets Manager, read at run time)', () => {
  const secretIdOf = (secret: Secret) => logicalIdOf(secret);
  const keys = () =>
    [
      { secret: synthesized.stack.receiptSigningKey, variable: SECRET_ID_VARIABLES.receiptKey, need: 'signsReceipts' },
      { secret: synthesized.stack.clientPseudonymKey, variable: SECRET_ID_VARIABLES.pseudonymKey, need: 'pseudonymizesClients' },
    ] as const;
  const allFunctions = () => ofType('AWS::Lambda::Function');
  const variablesOf = (fn: Resource) =>
    (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
  const policiesOfRole = (roleId: string) =>
    ofType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);

  it('no function environment holds a secret value or a dynamic reference to one', () => {
    expect(allFunctions().length).toBeGreaterThan(0);
    for (const [id, fn] of allFunctions()) {
      const text = JSON.stringify(variablesOf(fn));
      expect(text, id).not.toMatch(/resolve:secretsmanager|resolve:ssm-secure/i);
      for (const [name, value] of Object.entries(variablesOf(fn))) {
        // A secret may only be named: its variable holds exactly the Ref (ARN) of a secret of this stack.
        if (JSON.stringify(value).includes('Secret')) {
          expect(name, id).toMatch(/_SECRET_ID$/);
          expect(value, id).toEqual({ Ref: expect.stringMatching(/Key[0-9A-F]{8}$/) });
        }
        expect(['RECEIPT_SIGNING_KEY', 'CLIENT_PSEUDONYM_KEY'], id).not.toContain(name);
      }
    }
    expect(JSON.stringify(template.toJSON())).not.toContain('resolve:secretsmanager');
  });

  it('only the functions whose routes sign, verify or pseudonymise name a key and may read it: GetSecretValue on that one secret', () => {
    const signers = deployedRouteSpecs().filter((spec) => spec.signsReceipts);
    expect(signers.map((s) => s.operationId).sort()).toEqual(['submitApplication', 'verifyReceipt']);
    const pseudonymisers = deployedRouteSpecs().filter((spec) => spec.pseudonymizesClients);
    // Starting a trajectory (the one-active-trajectory marker) and a data subject's request (finding the person's trajectories).
    expect(pseudonymisers.map((s) => s.operationId).sort()).toEqual(['createTrajectory', 'privacyRequest']);
    for (const { secret, variable, need } of keys()) {
      const expected = new Set(
        deployedRouteSpecs()
          .filter((spec) => spec[need])
          .map((spec) => logicalIdOf(synthesized.stack.apiFunctions.get(functionOfRoute(spec.operationId))!.function)),
      );
      const named = allFunctions()
        .filter(([, fn]) => variable in variablesOf(fn))
        .map(([id]) => id);
      expect(new Set(named), variable).toEqual(expected);
      // Every role in the stack (API functions, workflow tasks, jobs, the state machine, the scheduler):
      // only the roles of those functions may read the secret, and only that action on that secret.
      const readers = new Set<string>();
      for (const [roleId] of ofType('AWS::IAM::Role')) {
        for (const statement of policiesOfRole(roleId)) {
          const actions = actionsOf([statement]).filter((a) => a.startsWith('secretsmanager:'));
          if (actions.length === 0 || JSON.stringify(statement.Resource) !== JSON.stringify({ Ref: secretIdOf(secret) }))
            continue;
          expect(actions, roleId).toEqual(['secretsmanager:GetSecretValue']);
          readers.add(roleId);
        }
      }
      const rolesOfExpected = [...expected].map(
        (fnId) => (resources[fnId]!.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0],
      );
      expect(readers, variable).toEqual(new Set(rolesOfExpected));
      for (const fnId of expected) expect(variablesOf(resources[fnId]!)[variable], fnId).toEqual({ Ref: secretIdOf(secret) });
    }
    // No secretsmanager action other than GetSecretValue on one of the two secrets, anywhere.
    for (const [id, policy] of ofType('AWS::IAM::Policy')) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if (!actionsOf([statement]).some((a) => a.startsWith('secretsmanager:'))) continue;
        expect(actionsOf([statement]), id).toEqual(['secretsmanager:GetSecretValue']);
        expect(keys().map((k) => JSON.stringify({ Ref: secretIdOf(k.secret) }))).toContain(JSON.stringify(statement.Resource));
      }
    }
  });

  it('a function that reads a key decrypts it only through Secrets Manager', () => {
    for (const fnId of ['CallsRead', 'CallsWrite', 'TrajectoriesWrite'] as const) {
      const decrypt = statementsOfFunction(fnId).filter(
        (s) => JSON.stringify(s.Condition ?? {}).includes('kms:ViaService') && actionsOf([s]).includes('kms:Decrypt'),
      );
      expect(decrypt, fnId).toHaveLength(1);
      expect(decrypt[0]!.Resource, fnId).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
    }
  });

  it('a route declares a key exactly when its handler reads one', () => {
    for (const spec of deployedRouteSpecs()) {
      const source = readFileSync(path.join(REPO_ROOT, spec.handler), 'utf8');
      expect(/receiptKey\(/.test(source), spec.operationId).toBe(spec.signsReceipts === true);
      expect(/clientKeyOf\(|pseudonymKey\(/.test(source), spec.operationId).toBe(spec.pseudonymizesClients === true);
    }
  });

  it('are two secrets encrypted with the key', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(2); // the receipt key and the client pseudonym key
    for (const [, secret] of secrets) expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
  });
});

describe('the selection state machine', () => {
  const machine = () => ofType('AWS::StepFunctions::StateMachine');
  const definition = () => {
    const [, sm] = machine()[0]!;
    const parts = (sm.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'arn:placeholder')).join('')) as {
      States: Record<string, Record<string, unknown>>;
    };
  };
  const taskStates = () => {
    const found: Array<[string, Record<string, unknown>]> = [];
    const visit = (states: Record<string, Record<string, unknown>>) => {
      for (const [name, state] of Object.entries(states)) {
        if (state.Type === 'Task') found.push([name, state]);
        const inner = (state.ItemProcessor as { States?: Record<string, Record<string, unknown>> } | undefined)?.States;
        if (inner) visit(inner);
      }
    };
    visit(definition().States);
    return found;
  };

  it('is one Standard state machine with logging (encrypted log group) and tracing', () => {
    expect(machine()).toHaveLength(1);
    const [, sm] = machine()[0]!;
    expect(sm.Properties.StateMachineType).toBe('STANDARD');
    expect(sm.Properties.TracingConfiguration).toEqual({ Enabled: true });
    const logging = sm.Properties.LoggingConfiguration as {
      Level: string;
      IncludeExecutionData: boolean;
      Destinations: unknown[];
    };
    expect(logging.Level).toBe('ALL');
    expect(logging.IncludeExecutionData).toBe(false);
    expect(logging.Destinations).toHaveLength(1);
  });

  it('has a task state for every workflow task, each retrying with backoff and caught into MarkFailed', () => {
    const tasks = taskStates();
    expect(tasks.map(([name]) => name).sort()).toEqual(
      Object.values(SELECTION_TASKS)
        .map((t) => t.stateName)
        .sort(),
    );
    for (const [name, state] of tasks) {
      const retry = state.Retry as Array<{ ErrorEquals: string[]; BackoffRate: number; MaxAttempts: number }>;
      expect(
        retry.some((r) => r.ErrorEquals.includes('States.ALL') && r.BackoffRate > 1 && r.MaxAttempts >= 2),
        name,
      ).toBe(true);
    }
    const top = definition().States;
    for (const [name, state] of Object.entries(top)) {
      if (name === 'MarkFailed' || !['Task', 'Map'].includes(String(state.Type))) continue;
      expect(state.Catch, name).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkFailed' }]);
    }
  });

  it('the function of the start route may start this state machine and nothing else; no other function may', () => {
    const [smId] = machine()[0]!;
    const starters = new Set(
      deployedRouteSpecs()
        .filter((spec) => spec.startsSelection)
        .map((spec) => functionOfRoute(spec.operationId)),
    );
    expect([...starters]).toEqual(['CallsWrite']);
    for (const fnId of Object.keys(apiFunctions) as ApiFunctionId[]) {
      const statements = statementsOfFunction(fnId).filter((s) => actionsOf([s]).some((a) => a.startsWith('states:')));
      if (!starters.has(fnId)) {
        expect(statements, fnId).toEqual([]);
        continue;
      }
      expect(statements).toHaveLength(1);
      expect(actionsOf(statements)).toEqual(['states:StartExecution']);
      expect(statements[0]!.Resource).toEqual({ Ref: smId });
    }
  });
});

describe('the scheduled notice job', () => {
  it('runs every day at 07:00 Europe/Brussels, retries, and has an encrypted dead-letter queue', () => {
    const daily = ofType('AWS::Scheduler::Schedule').filter(([id]) => id.startsWith('JobsExpiringTrajectories'));
    expect(daily).toHaveLength(1);
    const [, schedule] = daily[0]!;
    expect(schedule.Properties.ScheduleExpression).toBe('cron(0 7 * * ? *)');
    expect(schedule.Properties.ScheduleExpressionTimezone).toBe('Europe/Brussels');
    const target = schedule.Properties.Target as {
      Arn: unknown;
      RetryPolicy: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [string, string] } };
    };
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 });
    const queueId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
    expect(resources[queueId]!.Type).toBe('AWS::SQS::Queue');
    expect(resources[queueId]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
  });

  it("the job's function may use the table, its key, SES and its logs; nothing else", () => {
    const fn = synthesized.stack.scheduledJobs.jobs.get('expiring-trajectories')!.function;
    const roleId = logicalIdOf(fn.role);
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(roleId))
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'ses:SendEmail']),
    );
    for (const action of actions) expect(action).toMatch(/^(logs|xray|dynamodb|kms|ses):/);
  });
});

describe('the outbox', () => {
  it('the table streams keys only, and its stream sender gets new outbox entries, in small batches, with a bounded retry into an encrypted dead-letter queue', () => {
    const [, table] = ofType('AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [, mapping] = mappings[0]!;
    const senderId = logicalIdOf(synthesized.stack.outboxSender.function.function);
    expect(mapping.Properties).toMatchObject({
      FunctionName: { Ref: senderId },
      EventSourceArn: { 'Fn::GetAtt': [tableId(), 'StreamArn'] },
      BatchSize: 10,
      MaximumRetryAttempts: 3,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { Keys: { PK: { S: [{ prefix: 'OUTBOX#' }] } } } }) },
        ],
      },
    });
    const queueArn = (mapping.Properties.DestinationConfig as { OnFailure: { Destination: { 'Fn::GetAtt': [string, string] } } })
      .OnFailure.Destination['Fn::GetAtt'][0];
    expect(resources[queueArn]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId(), 'Arn'] });
  });

  it('is swept every 5 minutes for entries the stream sender gave up on', () => {
    const sweep = ofType('AWS::Scheduler::Schedule').filter(([id]) => id.startsWith('JobsOutboxSweep'));
    expect(sweep).toHaveLength(1);
    expect(sweep[0]![1].Properties.ScheduleExpression).toBe('cron(0/5 * * * ? *)');
  });
});
