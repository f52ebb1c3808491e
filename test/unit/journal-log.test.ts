/** The change log's hash chain: a removed or altered record must not verify. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainNext, genesisHash, verifyChain, type ChangeBody, type ChangeRecord } from '../../shared/domain/journal-log';

const PARTITION = 'SCH#sch53#CLS#5a#PER#2026-q2';

function body(i: number, subjectId = 'math'): ChangeBody {
  return {
    partition: PARTITION,
    subjectId,
    at: `2026-11-20T08:0${i}:00.000Z`,
    actorId: 'u-sf-010',
    actorName: 'Иванова Анна Петровна',
    action: i === 1 ? 'create' : 'update',
    entity: 'mark',
    target: { lessonId: '2026-11-20.2.all', studentId: 'st-0001', workType: 'lessonAnswer' },
    old: i === 1 ? null : { value: i + 1 },
    new: { value: i + 2 },
    requestId: `req-000${i}`,
  };
}

function chain(n: number, subjectId = 'math'): ChangeRecord[] {
  const out: ChangeRecord[] = [];
  for (let i = 1; i <= n; i++) out.push(chainNext(body(i, subjectId), out.at(-1) ?? null));
  return out;
}

const headOf = (records: ChangeRecord[]) => ({ subjectId: records[0]!.subjectId, seq: records.at(-1)!.seq, hash: records.at(-1)!.hash });

describe('canonicalJson', () => {
  it('should not depend on key order and leave out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('the chain', () => {
  it('should number records from 1 and link each to the one before', () => {
    const records = chain(3);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(genesisHash(PARTITION, 'math'));
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(verifyChain(PARTITION, records, [headOf(records)])).toEqual({ ok: true, checked: 3, problems: [] });
  });

  it('should verify chains of several subjects independently', () => {
    const math = chain(2, 'math');
    const rus = chain(3, 'russian');
    expect(verifyChain(PARTITION, [...rus, ...math], [headOf(math), headOf(rus)]).ok).toBe(true);
  });

  it('should find an edited record (its own hash fails)', () => {
    const records = chain(3);
    const edited = records.map((r) => (r.seq === 2 ? { ...r, new: { value: 5 } } : r));
    const v = verifyChain(PARTITION, edited, [headOf(records)]);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ seq: 2, message: expect.stringContaining('изменена') })]);
  });

  it('should find an edited record whose hash was recomputed (the next link breaks)', () => {
    const records = chain(3);
    const forged = chainNext({ ...body(2), new: { value: 5 } }, records[0]!);
    const v = verifyChain(PARTITION, [records[0]!, forged, records[2]!], [headOf(records)]);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ seq: 3, message: expect.stringContaining('не продолжает цепочку') });
  });

  it('should find a removed record in the middle', () => {
    const records = chain(4);
    const v = verifyChain(PARTITION, records.filter((r) => r.seq !== 2), [headOf(records)]);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ seq: 3, message: expect.stringContaining('записи № 2') });
  });

  it('should find removed records at the end (the head points past them)', () => {
    const records = chain(4);
    const v = verifyChain(PARTITION, records.slice(0, 2), [headOf(records)]);
    expect(v.ok).toBe(false);
    expect(v.problems[0]!.message).toContain('последние записи удалены');
  });

  it('should find a removed head, and the first record removed', () => {
    const records = chain(2);
    expect(verifyChain(PARTITION, records, []).problems[0]!.message).toContain('заголовка');
    expect(verifyChain(PARTITION, records.slice(1), [headOf(records)]).problems[0]).toMatchObject({ seq: 2 });
  });

  it('should find a record copied in from another class or period', () => {
    const records = chain(2);
    expect(verifyChain('SCH#sch53#CLS#5b#PER#2026-q2', records, [headOf(records)]).ok).toBe(false);
  });
});
