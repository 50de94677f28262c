import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { FieldProblem, InputError } from './errors';

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({ field: path, message, code }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** class-transformer's own metadata (its `@Type`, `@Transform`, `@Expose`, `@Exclude`), read to decide whether the fast path applies. */
interface TransformerStorage {
  findTypeMetadata(
    target: Type<unknown>,
    propertyName: string,
  ): { typeFunction: () => unknown; options?: { discriminator?: unknown } } | undefined;
  findTransformMetadatas(target: Type<unknown>, propertyName: string, transformationType: number): unknown[];
  getExposedMetadatas(target: Type<unknown>): unknown[];
  getExcludedMetadatas(target: Type<unknown>): unknown[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const transformerStorage = (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage })
  .defaultMetadataStorage;
const PLAIN_TO_CLASS = 0; // class-transformer's TransformationType.PLAIN_TO_CLASS

/** A compiled check of one input class: `true` when the value certainly passes class-validator; and how to build its instance. */
interface Compiled {
  valid(value: unknown): boolean;
  instantiate(value: Record<string, unknown>): unknown;
}

/**
 * A fast path for the inputs of the hot path (`submitSurvey`'s nested answers): the class's
 * class-validator metadata compiled once into a plain check that calls the very same constraint
 * functions (IsString, Length, IsUUID, ArrayMaxSize...: `constraint.validate(value, args)`), and
 * the class-transformer instances built directly. Only a value that passes every constraint takes
 * it; anything else (or a class using anything the compiler does not know: groups, async
 * constraints, transforms, exposure rules) goes through the full ValidationPipe, so the errors
 * (field and reason) are always class-validator's own. Profiled: class-transformer and
 * class-validator were ~10% of the gateway's CPU under a submitSurvey load, for 24 answer objects
 * per request (docs/benchmarks.md).
 */
export function compileInput(type: Type<unknown>, seen = new Map<Type<unknown>, Compiled | null>()): Compiled | null {
  if (seen.has(type)) return seen.get(type)!;
  seen.set(type, null); // recursive types: not compiled
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(type, '', false, false, undefined);
  if (metadatas.length === 0) return null;
  if (transformerStorage.getExposedMetadatas(type).length || transformerStorage.getExcludedMetadatas(type).length) return null;
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const m of metadatas) {
    if (m.groups?.length || m.always !== undefined) return null;
    byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
  }
  type Check = (value: unknown, object: Record<string, unknown>) => boolean;
  const properties: { name: string; check: Check; nested: Compiled | null }[] = [];
  for (const [name, list] of byProperty) {
    if (transformerStorage.findTransformMetadatas(type, name, PLAIN_TO_CLASS).length) return null;
    const conditions: ValidationMetadata[] = [];
    const checks: Check[] = [];
    let nested: Compiled | null = null;
    for (const m of list) {
      switch (m.type) {
        case ValidationTypes.CONDITIONAL_VALIDATION:
          conditions.push(m);
          break;
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.IS_DEFINED:
          checks.push((value) => value !== undefined && value !== null);
          break;
        case ValidationTypes.CUSTOM_VALIDATION: {
          const constraints = storage.getTargetValidatorConstraints(m.constraintCls);
          if (constraints.some((c) => c.async)) return null;
          const one = (value: unknown, object: Record<string, unknown>) => {
            const args: ValidationArguments = { targetName: type.name, property: name, object, value, constraints: m.constraints };
            return constraints.every((c) => c.instance.validate(value, args) === true);
          };
          checks.push(m.each ? (value, object) => (Array.isArray(value) ? value.every((v) => one(v, object)) : one(value, object)) : one);
          break;
        }
        case ValidationTypes.NESTED_VALIDATION: {
          const declared = transformerStorage.findTypeMetadata(type, name);
          const inner = declared && !declared.options?.discriminator ? (declared.typeFunction() as Type<unknown>) : null;
          nested = inner ? compileInput(inner, seen) : null;
          if (!nested) return null;
          const compiled = nested;
          const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
          checks.push((value) =>
            value === undefined
              ? true
              : Array.isArray(value)
                ? value.every((v) => isObject(v) && compiled.valid(v))
                : isObject(value) && compiled.valid(value),
          );
          break;
        }
        default:
          return null;
      }
    }
    const check: Check = (value, object) => {
      for (const c of conditions) if (!(c.constraints[0] as (o: object, v: unknown) => boolean)(object, value)) return true;
      return checks.every((c) => c(value, object));
    };
    properties.push({ name, check, nested });
  }
  const known = new Set(properties.map((p) => p.name));
  const compiled: Compiled = {
    valid(value) {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) if (!known.has(key)) return false; // forbidNonWhitelisted: the full pipe says so
      return properties.every((p) => p.check(object[p.name], object));
    },
    instantiate(value) {
      // What class-transformer's plainToInstance does for these classes: a new instance, the given
      // properties copied, nested inputs (by their @Type) as instances of their own class.
      const instance = new type() as Record<string, unknown>;
      for (const key of Object.keys(value)) {
        const v = value[key];
        const nestedType = properties.find((p) => p.name === key)?.nested;
        instance[key] =
          nestedType && v !== null && typeof v === 'object'
            ? Array.isArray(v)
              ? v.map((x) => nestedType.instantiate(x as Record<string, unknown>))
              : nestedType.instantiate(v as Record<string, unknown>)
            : v;
      }
      return instance;
    },
  };
  seen.set(type, compiled);
  return compiled;
}

/** class-validator on every input; for the classes given, valid values take the compiled fast path (`compileInput`). */
class InputValidationPipe extends ValidationPipe {
  private readonly fast = new Map<Type<unknown>, Compiled | null>();

  constructor(fastTypes: Type<unknown>[], options: ConstructorParameters<typeof ValidationPipe>[0]) {
    super(options);
    for (const type of fastTypes) this.fast.set(type, compileInput(type));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const compiled = metadata.metatype ? this.fast.get(metadata.metatype as Type<unknown>) : undefined;
    if (compiled && typeof value === 'object' && value !== null && !Array.isArray(value) && compiled.valid(value))
      return compiled.instantiate(value as Record<string, unknown>);
    return super.transform(value, metadata);
  }
}

/**
 * class-validator on every input, with errors that name the field and the reason. `fastTypes`: the
 * hot path's input classes, whose valid values skip the generic pipe (see `compileInput`).
 */
export function inputValidationPipe(fastTypes: Type<unknown>[] = []): ValidationPipe {
  return new InputValidationPipe(fastTypes, {
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputError(flatten(errors, 'input')),
  });
}
