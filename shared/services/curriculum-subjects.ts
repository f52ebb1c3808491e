/**
 * The school's subjects: created and renamed by the deputy director. A subject's id is part
 * of lesson, slot and journal keys, so it never changes; names may.
 */
import { randomBytes } from 'node:crypto';
import type { Principal } from '../auth/roles';
import { transactOr } from '../db/transact';
import type { Subject } from '../domain/curriculum';
import { BadRequestError, ConflictError, NotFoundError } from '../errors';
import { auditPut } from '../repos/audit';
import { getSubject, listSubjects, putSubjectOp } from '../repos/curriculum';

export interface SubjectInput {
  subjectId?: string;
  name: string;
  shortName: string;
  splittable: boolean;
}

function sameName(a: string, b: string) {
  return a.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е') === b.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
}

async function refuseDuplicateName(schoolId: string, name: string, except?: string) {
  const taken = (await listSubjects(schoolId)).find((s) => s.subjectId !== except && sameName(s.name, name));
  if (taken) throw new BadRequestError(`Предмет «${taken.name}» уже есть в школе.`);
}

export async function createSubject(input: { by: Principal; schoolId: string; subject: SubjectInput; now: Date }): Promise<Subject> {
  await refuseDuplicateName(input.schoolId, input.subject.name);
  const subject: Subject = {
    subjectId: input.subject.subjectId ?? `subj-${randomBytes(3).toString('hex')}`,
    schoolId: input.schoolId,
    name: input.subject.name.trim(),
    shortName: input.subject.shortName.trim(),
    splittable: input.subject.splittable,
    version: 1,
  };
  await transactOr(
    [putSubjectOp(subject), auditPut({ schoolId: input.schoolId, actor: input.by, action: 'subject.create', entity: `SUBJ#${subject.subjectId}`, after: subject, at: input.now })],
    async () => new ConflictError(`Предмет с обозначением «${subject.subjectId}» уже есть.`, await getSubject(input.schoolId, subject.subjectId)),
  );
  return subject;
}

export async function updateSubject(input: {
  by: Principal;
  schoolId: string;
  subjectId: string;
  subject: Omit<SubjectInput, 'subjectId'> & { version: number };
  now: Date;
}): Promise<Subject> {
  const current = await getSubject(input.schoolId, input.subjectId);
  if (!current) throw new NotFoundError('Предмет не найден.');
  if (current.version !== input.subject.version) throw new ConflictError('Предмет только что изменил другой пользователь.', current);
  await refuseDuplicateName(input.schoolId, input.subject.name, input.subjectId);
  const next: Subject = {
    ...current,
    name: input.subject.name.trim(),
    shortName: input.subject.shortName.trim(),
    splittable: input.subject.splittable,
    version: current.version + 1,
  };
  await transactOr(
    [
      putSubjectOp(next, current.version),
      auditPut({ schoolId: input.schoolId, actor: input.by, action: 'subject.update', entity: `SUBJ#${current.subjectId}`, before: current, after: next, at: input.now }),
    ],
    async () => new ConflictError('Предмет только что изменил другой пользователь.', await getSubject(input.schoolId, input.subjectId)),
  );
  return next;
}
