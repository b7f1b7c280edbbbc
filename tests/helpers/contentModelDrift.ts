import type { CmsCollection, CmsField } from 'decap-cms-core';

/**
 * Compares the CMS configuration with the content schemas, so that an editor can never write a
 * file the build refuses, nor miss a field the build needs. Both are reduced to the same small
 * shape (kind, required, options, children) and compared.
 */
export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'date' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'list'; item: Shape }
  | { kind: 'object'; fields: Record<string, Field> }
  | { kind: 'union'; types: Record<string, Shape> };

export interface Field {
  shape: Shape;
  required: boolean;
  /** The CMS fills this field itself when left alone (a widget default). */
  cmsDefault?: boolean;
  /** A CMS object left optional, whose children Decap validates anyway (decap-cms#3005). */
  optionalGroup?: boolean;
}

// --- Zod (content schemas) ----------------------------------------------------------------

interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(value: unknown): { success: boolean };
}

/** Unwraps optional, default, preprocess and similar wrappers to the schema that holds data. */
function inner(schema: ZodLike): ZodLike {
  const def = schema._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'prefault':
      return inner(def.innerType as ZodLike);
    case 'pipe':
      return inner(def.out as ZodLike);
    default:
      return schema;
  }
}

export function zodShape(zodSchema: unknown): Shape {
  const schema = zodSchema as ZodLike;
  const core = inner(schema);
  const def = core._zod.def;
  switch (def.type) {
    case 'string':
      return { kind: 'string' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'date' };
    case 'enum':
      return { kind: 'enum', options: Object.values(def.entries as Record<string, string>) };
    case 'array':
      return { kind: 'list', item: zodShape(def.element as ZodLike) };
    case 'object': {
      const shape = def.shape as Record<string, ZodLike>;
      const fields: Record<string, Field> = {};
      for (const [name, field] of Object.entries(shape)) {
        if (inner(field)._zod.def.type === 'literal') continue; // a union's type key
        // Optional in a file when a file without it still passes.
        fields[name] = { shape: zodShape(field), required: !field.safeParse(undefined).success };
      }
      return { kind: 'object', fields };
    }
    case 'union': {
      const types: Record<string, Shape> = {};
      for (const option of def.options as ZodLike[]) {
        const typeKey = (def.discriminator as string) ?? 'type';
        const literal = (inner(option)._zod.def.shape as Record<string, ZodLike>)[typeKey];
        types[String((literal._zod.def.values as unknown[])[0])] = zodShape(option);
      }
      return { kind: 'union', types };
    }
    default:
      throw new Error(`zodShape: no rule for a Zod ${def.type}`);
  }
}

// --- Decap (CMS configuration) ------------------------------------------------------------

type AnyField = CmsField & Record<string, unknown>;

export function cmsShape(field: AnyField): Shape {
  switch (field.widget) {
    case 'string':
    case 'text':
    case 'markdown':
    case 'image':
    case 'file':
      return { kind: 'string' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'datetime':
      return { kind: 'date' };
    case 'select': {
      const options = (field.options as (string | { value: string })[]).map((o) =>
        typeof o === 'string' ? o : o.value,
      );
      const single: Shape = { kind: 'enum', options };
      return field.multiple ? { kind: 'list', item: single } : single;
    }
    case 'relation':
      return field.multiple ? { kind: 'list', item: { kind: 'string' } } : { kind: 'string' };
    case 'object':
    case 'condition':
      // "Show only when" (admin/conditionWidget.tsx) stores an object with these fields.
      return cmsObject(field.fields as AnyField[]);
    case 'list': {
      if (field.types) {
        const types: Record<string, Shape> = {};
        for (const type of field.types as AnyField[]) types[type.name] = cmsShape(type);
        return { kind: 'list', item: { kind: 'union', types } };
      }
      if (field.fields) return { kind: 'list', item: cmsObject(field.fields as AnyField[]) };
      if (field.field) return { kind: 'list', item: cmsShape(field.field as AnyField) };
      return { kind: 'list', item: { kind: 'string' } };
    }
    default:
      throw new Error(`cmsShape: no rule for the ${String(field.widget)} widget`);
  }
}

export function cmsObject(fields: AnyField[]): Shape {
  const out: Record<string, Field> = {};
  for (const field of fields) {
    out[field.name] = {
      shape: cmsShape(field),
      required: field.required !== false,
      cmsDefault: field.default !== undefined,
      optionalGroup:
        ['object', 'condition'].includes(String(field.widget)) && field.required === false,
    };
  }
  return { kind: 'object', fields: out };
}

/** The fields a collection's entries have: a folder collection's, or its one file's. */
export function collectionFields(collection: CmsCollection): AnyField[] {
  if (collection.fields) return collection.fields as AnyField[];
  const [file] = collection.files ?? [];
  return (file?.fields ?? []) as AnyField[];
}

// --- Comparison ---------------------------------------------------------------------------

/** Every difference between the schema (what the build accepts) and the CMS (what it writes). */
export function compare(schema: Shape, cms: Shape, at = '', relaxChildren = false): string[] {
  const here = at || '(entry)';
  if (schema.kind !== cms.kind) {
    return [`${here}: the schema has a ${schema.kind}, the CMS a ${cms.kind}`];
  }
  switch (schema.kind) {
    case 'enum': {
      const a = [...schema.options].sort();
      const b = [...(cms as typeof schema).options].sort();
      return a.join('|') === b.join('|')
        ? []
        : [`${here}: the schema allows ${a.join(', ')}; the CMS offers ${b.join(', ')}`];
    }
    case 'list':
      return compare(schema.item, (cms as typeof schema).item, `${at}[]`, relaxChildren);
    case 'union': {
      const other = (cms as typeof schema).types;
      const problems: string[] = [];
      for (const name of new Set([...Object.keys(schema.types), ...Object.keys(other)])) {
        if (!other[name]) problems.push(`${here}: type "${name}" is in the schema, not the CMS`);
        else if (!schema.types[name])
          problems.push(`${here}: type "${name}" is in the CMS, not the schema`);
        else problems.push(...compare(schema.types[name], other[name], `${at}<${name}>`));
      }
      return problems;
    }
    case 'object':
      return compareFields(schema.fields, (cms as typeof schema).fields, at, relaxChildren);
    default:
      return [];
  }
}

function compareFields(
  schema: Record<string, Field>,
  cms: Record<string, Field>,
  at: string,
  relaxChildren: boolean,
): string[] {
  const problems: string[] = [];
  for (const name of new Set([...Object.keys(schema), ...Object.keys(cms)])) {
    const path = at ? `${at}.${name}` : name;
    const a = schema[name];
    const b = cms[name];
    if (!b) {
      problems.push(`${path}: in the content schema but not in the CMS`);
      continue;
    }
    if (!a) {
      problems.push(`${path}: in the CMS but not in the content schema`);
      continue;
    }
    if (a.required && !b.required && !relaxChildren) {
      problems.push(`${path}: required in the content schema but optional in the CMS`);
    }
    // A schema default lets hand-written files leave a field out; the CMS may still ask for it
    // as long as it fills in a default itself.
    if (!a.required && b.required && !b.cmsDefault) {
      problems.push(`${path}: optional in the content schema but required in the CMS`);
    }
    problems.push(...compare(a.shape, b.shape, path, Boolean(b.optionalGroup)));
  }
  return problems;
}
