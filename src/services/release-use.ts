/**
 * A release's use declaration (ADR 17): how its product is used, for the use restrictions of model and
 * data licences judged in step 5. Setting it records a validation run, as every change of a release's
 * inputs does.
 */
import {
  FIELD_OF_USE_NAMES,
  FIELDS_OF_USE,
  undeclaredUse,
  type FieldOfUse,
  type UseDeclaration,
} from '../model/use-declaration.js';
import type { Store, StoredUseDeclaration } from '../store/index.js';
import { getRelease } from './portfolio.js';
import { ServiceError } from './service-error.js';
import { recordValidationRun } from './validation-runs.js';

export interface ReleaseUse {
  releaseId: number;
  declaration: UseDeclaration;
  /** null while nothing was ever declared. */
  updatedAt: string | null;
  updatedBy: string | null;
  /** The fields of use a declaration may name, with what each covers. */
  fieldsOfUse: { id: FieldOfUse; description: string }[];
}

const FIELD_LIST = FIELD_OF_USE_NAMES.map((id) => ({ id, description: FIELDS_OF_USE[id] }));

function present(releaseId: number, stored: StoredUseDeclaration | null): ReleaseUse {
  return {
    releaseId,
    declaration: stored?.declaration ?? undeclaredUse(),
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
    fieldsOfUse: FIELD_LIST,
  };
}

export async function getReleaseUse(store: Store, releaseId: number): Promise<ReleaseUse> {
  await getRelease(store, releaseId);
  return present(releaseId, await store.getUseDeclaration(releaseId));
}

/** Replaces the declaration; a field left out (or null) is "not declared". */
export async function setReleaseUse(
  store: Store,
  releaseId: number,
  input: Partial<UseDeclaration>,
  author: string | null,
  now = new Date(),
): Promise<ReleaseUse> {
  await getRelease(store, releaseId);
  const declaration = checkedDeclaration(input);
  const stored = await store.setUseDeclaration({
    releaseId,
    declaration,
    updatedAt: now.toISOString(),
    updatedBy: author,
  });
  await recordValidationRun(store, releaseId, 'release');
  return present(releaseId, stored);
}

function checkedDeclaration(input: Partial<UseDeclaration>): UseDeclaration {
  const use = undeclaredUse();
  const flag = (key: 'commercial' | 'outputsTrainOtherModels' | 'licenseeInEu') => {
    const v = input[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean') throw new ServiceError('invalid-input', `${key} must be true, false or null`);
    return v;
  };
  use.commercial = flag('commercial');
  use.outputsTrainOtherModels = flag('outputsTrainOtherModels');
  use.licenseeInEu = flag('licenseeInEu');
  const users = input.monthlyActiveUsers;
  if (users !== undefined && users !== null) {
    if (typeof users !== 'number' || !Number.isSafeInteger(users) || users < 0)
      throw new ServiceError('invalid-input', 'monthlyActiveUsers must be a whole number of users, or null');
    use.monthlyActiveUsers = users;
  }
  if (input.fieldsOfUse !== undefined && input.fieldsOfUse !== null) {
    if (!Array.isArray(input.fieldsOfUse))
      throw new ServiceError('invalid-input', 'fieldsOfUse must be a list ([] for none), or null');
    const unknown = input.fieldsOfUse.filter((f) => !(FIELD_OF_USE_NAMES as string[]).includes(f));
    if (unknown.length)
      throw new ServiceError(
        'invalid-input',
        `fieldsOfUse: ${unknown.map((f) => `'${String(f)}'`).join(', ')} not one of ${FIELD_OF_USE_NAMES.join(', ')}`,
      );
    use.fieldsOfUse = [...new Set(input.fieldsOfUse)].sort() as FieldOfUse[];
  }
  return use;
}
