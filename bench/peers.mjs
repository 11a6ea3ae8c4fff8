// The peers of the speed bench (bench/table.mjs): the same payload rules written in the schema
// libraries users would otherwise reach for — ajv (JSON Schema, allErrors), zod 4, valibot and
// TypeBox (compiled) — for the Connect payloads; and in ajv (the reference of issue 16's
// targets) for the Tray.io and tracker payloads. Each peer checks the payload's own shape (what
// it can express); ours also gives positions, hints and the API's codes. Every validator
// collects all errors. Each export: name → (object) → boolean.
import Ajv from 'ajv';
import { z } from 'zod';
import * as v from 'valibot';
import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

const REGIONS = ['europe-west1.gcp', 'us-central1.gcp', 'australia-southeast1.gcp', 'us-east-2.aws', 'eu-central-1.aws'];
const TYPES = ['preview', 'sandbox', 'production'];
const KEY = '^[A-Za-z0-9_-]{2,256}$';

// ---- the same rules in each peer ---------------------------------------------------------
const valueSchema = { type: 'object', required: ['key', 'value'], properties: { key: { type: 'string', minLength: 1 }, value: { type: 'string' } } };
const values = { type: 'array', items: valueSchema };
const jsonSchema = {
  type: 'object',
  required: ['connector', 'region', 'configurations'],
  properties: {
    key: { type: 'string', pattern: KEY },
    type: { enum: TYPES },
    region: { enum: REGIONS },
    connector: {
      type: 'object',
      anyOf: [{ required: ['id'] }, { required: ['key'] }],
      properties: { id: { type: 'string', minLength: 1 }, key: { type: 'string', pattern: KEY }, version: { type: 'integer', minimum: 1 }, staged: { type: 'boolean' } },
    },
    configurations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['applicationName', 'standardConfiguration', 'securedConfiguration'],
        properties: { applicationName: { type: 'string', pattern: KEY }, standardConfiguration: values, securedConfiguration: values, schedule: { type: 'string', minLength: 1 }, retryPolicy: { type: 'object' } },
      },
    },
    globalConfiguration: { type: 'object', properties: { standardConfiguration: values, securedConfiguration: values } },
  },
};
const ajvValidate = new Ajv({ allErrors: true }).compile(jsonSchema);
const ajv = (draft) => ajvValidate(draft);

const zKey = z.string().regex(new RegExp(KEY));
const zValues = z.array(z.object({ key: z.string().min(1), value: z.string() }));
const zodSchema = z.object({
  key: zKey.optional(),
  type: z.enum(TYPES).optional(),
  region: z.enum(REGIONS),
  connector: z.object({ id: z.string().min(1).optional(), key: zKey.optional(), version: z.number().int().min(1).optional(), staged: z.boolean().optional() })
    .refine((c) => c.id !== undefined || c.key !== undefined, 'id or key'),
  configurations: z.array(z.object({ applicationName: zKey, standardConfiguration: zValues, securedConfiguration: zValues, schedule: z.string().min(1).optional(), retryPolicy: z.record(z.string(), z.unknown()).optional() })),
  globalConfiguration: z.object({ standardConfiguration: zValues.optional(), securedConfiguration: zValues.optional() }).optional(),
});
const zod = (draft) => zodSchema.safeParse(draft).success;

const vKey = v.pipe(v.string(), v.regex(new RegExp(KEY)));
const vValues = v.array(v.object({ key: v.pipe(v.string(), v.minLength(1)), value: v.string() }));
const valibotSchema = v.object({
  key: v.optional(vKey),
  type: v.optional(v.picklist(TYPES)),
  region: v.picklist(REGIONS),
  connector: v.pipe(
    v.object({ id: v.optional(v.pipe(v.string(), v.minLength(1))), key: v.optional(vKey), version: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))), staged: v.optional(v.boolean()) }),
    v.check((c) => c.id !== undefined || c.key !== undefined, 'id or key'),
  ),
  configurations: v.array(v.object({ applicationName: vKey, standardConfiguration: vValues, securedConfiguration: vValues, schedule: v.optional(v.pipe(v.string(), v.minLength(1))), retryPolicy: v.optional(v.record(v.string(), v.unknown())) })),
  globalConfiguration: v.optional(v.object({ standardConfiguration: v.optional(vValues), securedConfiguration: v.optional(vValues) })),
});
const valibot = (draft) => v.safeParse(valibotSchema, draft).success;

const tKey = Type.String({ pattern: KEY });
const tValues = Type.Array(Type.Object({ key: Type.String({ minLength: 1 }), value: Type.String() }));
const typeboxSchema = Type.Object({
  key: Type.Optional(tKey),
  type: Type.Optional(Type.Union(TYPES.map((t) => Type.Literal(t)))),
  region: Type.Union(REGIONS.map((r) => Type.Literal(r))),
  connector: Type.Union([
    Type.Object({ id: Type.String({ minLength: 1 }), key: Type.Optional(tKey), version: Type.Optional(Type.Integer({ minimum: 1 })), staged: Type.Optional(Type.Boolean()) }),
    Type.Object({ id: Type.Optional(Type.String({ minLength: 1 })), key: tKey, version: Type.Optional(Type.Integer({ minimum: 1 })), staged: Type.Optional(Type.Boolean()) }),
  ]),
  configurations: Type.Array(Type.Object({ applicationName: tKey, standardConfiguration: tValues, securedConfiguration: tValues, schedule: Type.Optional(Type.String({ minLength: 1 })), retryPolicy: Type.Optional(Type.Object({})) })),
  globalConfiguration: Type.Optional(Type.Object({ standardConfiguration: Type.Optional(tValues), securedConfiguration: Type.Optional(tValues) })),
});
const typeboxChecker = TypeCompiler.Compile(typeboxSchema);
// All errors, like the others: Check, and the error list when it fails.
const typebox = (draft) => typeboxChecker.Check(draft) || [...typeboxChecker.Errors(draft)].length === 0;

// ---- ConnectorStagedDraft in each peer -------------------------------------------------------
const EMAIL = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
const REPO = '^((https)|(git@[\\w.]+))(:(\\/\\/)?)([\\w.@:/\\-~]+)(\\.git)$';
const TAG = '^[A-Za-z0-9][\\w.@/-]{0,254}$';
const PROJECT = '^[a-zA-Z0-9-_.]+:[a-zA-Z0-9-_]{2,36}$';
const URL_ = '^https?://[^\\s/?#]+';
const INTEGRATION = ['tax', 'marketplace', 'oms', 'psp', 'pim', 'promotion', 'search', 'erp', 'crm', 'email', 'analytics', 'shipping', 'giftcard', 'other'];
const connectorJsonSchema = {
  type: 'object',
  required: ['name', 'creator', 'repository'],
  properties: {
    key: { type: 'string', pattern: KEY },
    name: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    integrationTypes: { type: 'array', uniqueItems: true, items: { enum: INTEGRATION } },
    creator: { type: 'object', required: ['email'], properties: { email: { type: 'string', pattern: EMAIL }, name: { type: 'string' }, title: { type: 'string' }, company: { type: 'string' }, logoUrl: { type: 'string' }, supportUrl: { type: 'string' }, noOfContributors: { type: 'integer', minimum: 1 } } },
    repository: { type: 'object', required: ['url', 'tag'], properties: { url: { type: 'string', pattern: REPO }, tag: { type: 'string', pattern: TAG } } },
    supportedRegions: { type: 'array', uniqueItems: true, items: { enum: REGIONS } },
    privateProjects: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: PROJECT } },
    documentationUrl: { type: 'string', pattern: URL_ },
  },
};
const ajvConnector = new Ajv({ allErrors: true }).compile(connectorJsonSchema);
const zodConnector = z.object({
  key: zKey.optional(), name: z.string().min(1), description: z.string().optional(),
  integrationTypes: z.array(z.enum(INTEGRATION)).optional(),
  creator: z.object({ email: z.string().regex(new RegExp(EMAIL)), name: z.string().optional(), title: z.string().optional(), company: z.string().optional(), logoUrl: z.string().optional(), supportUrl: z.string().optional(), noOfContributors: z.number().int().min(1).optional() }),
  repository: z.object({ url: z.string().regex(new RegExp(REPO)), tag: z.string().regex(new RegExp(TAG)) }),
  supportedRegions: z.array(z.enum(REGIONS)).optional(),
  privateProjects: z.array(z.string().regex(new RegExp(PROJECT))).optional(),
  documentationUrl: z.string().regex(new RegExp(URL_)).optional(),
});
const vRe = (re) => v.pipe(v.string(), v.regex(new RegExp(re)));
const valibotConnector = v.object({
  key: v.optional(vKey), name: v.pipe(v.string(), v.minLength(1)), description: v.optional(v.string()),
  integrationTypes: v.optional(v.array(v.picklist(INTEGRATION))),
  creator: v.object({ email: vRe(EMAIL), name: v.optional(v.string()), title: v.optional(v.string()), company: v.optional(v.string()), logoUrl: v.optional(v.string()), supportUrl: v.optional(v.string()), noOfContributors: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }),
  repository: v.object({ url: vRe(REPO), tag: vRe(TAG) }),
  supportedRegions: v.optional(v.array(v.picklist(REGIONS))),
  privateProjects: v.optional(v.array(vRe(PROJECT))),
  documentationUrl: v.optional(vRe(URL_)),
});
const tRe = (re) => Type.String({ pattern: re });
const typeboxConnector = TypeCompiler.Compile(Type.Object({
  key: Type.Optional(tKey), name: Type.String({ minLength: 1 }), description: Type.Optional(Type.String()),
  integrationTypes: Type.Optional(Type.Array(Type.Union(INTEGRATION.map((t) => Type.Literal(t))), { uniqueItems: true })),
  creator: Type.Object({ email: tRe(EMAIL), name: Type.Optional(Type.String()), title: Type.Optional(Type.String()), company: Type.Optional(Type.String()), logoUrl: Type.Optional(Type.String()), supportUrl: Type.Optional(Type.String()), noOfContributors: Type.Optional(Type.Integer({ minimum: 1 })) }),
  repository: Type.Object({ url: tRe(REPO), tag: tRe(TAG) }),
  supportedRegions: Type.Optional(Type.Array(Type.Union(REGIONS.map((r) => Type.Literal(r))), { uniqueItems: true })),
  privateProjects: Type.Optional(Type.Array(tRe(PROJECT), { uniqueItems: true })),
  documentationUrl: Type.Optional(tRe(URL_)),
}));


export const deploymentDraft = {
  ajv,
  zod,
  valibot,
  typebox,
};

export const connectorStagedDraft = {
  ajv: (d) => ajvConnector(d),
  zod: (d) => zodConnector.safeParse(d).success,
  valibot: (d) => v.safeParse(valibotConnector, d).success,
  typebox: (d) => typeboxConnector.Check(d) || [...typeboxConnector.Errors(d)].length === 0,
};

// ---- Tray.io and the tracker, in ajv ---------------------------------------------------------
const compile = (schema) => {
  const check = new Ajv({ allErrors: true }).compile(schema);
  return { ajv: (d) => check(d) };
};
const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const KEBAB = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const trayConnector = compile({
  type: 'object', required: ['name', 'version'], additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: KEBAB }, version: { const: '1.0' }, title: { type: 'string' }, description: { type: 'string' },
    service: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, version: { type: 'string' } } },
    tags: { type: 'array', items: { type: 'string' } }, isTrigger: { type: 'boolean' },
    rawHttp: { type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { type: 'boolean' } } },
  },
});
export const trayDeployRequest = compile({
  type: 'object', required: ['connectorSourceCode'], additionalProperties: false,
  properties: { connectorSourceCode: { type: 'string', minLength: 1, pattern: '^[A-Za-z0-9+/]*={0,2}$' } },
});
export const trayDeploymentResponse = compile({
  type: 'object', required: ['id', 'deploymentStatus', 'connectorName', 'connectorVersion'], additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 }, deploymentStatus: { enum: ['Deploying', 'Deployed', 'Failed'] },
    connectorName: { type: 'string', pattern: KEBAB }, connectorVersion: { type: 'string' }, repeatDeployment: { type: 'boolean' },
  },
});
export const trackerDeployment = compile({
  type: 'object', required: ['componentId', 'environmentId', 'version'], additionalProperties: false,
  properties: {
    componentId: { type: 'string', pattern: UUID }, environmentId: { type: 'string', pattern: UUID }, version: { type: 'string', minLength: 1 },
    deployedBy: { type: 'string' }, commitSha: { type: 'string', pattern: '^[0-9a-fA-F]{7,40}$' }, description: { type: 'string' }, metadata: { type: 'object' },
  },
});
export const trackerStatusUpdate = compile({
  type: 'object', required: ['status'], additionalProperties: false,
  properties: { status: { enum: ['pending', 'in_progress', 'succeeded', 'failed', 'rolled_back'] } },
});
