import { describe, expect, it } from 'vitest';
import { AnswerOrder } from '../../web/src/lib/shell/answer-order';

describe('the order of a badge count\'s answers', () => {
  it('should drop an answer whose ask left before a screen set the count, and keep later ones', () => {
    const order = new AnswerOrder();
    const early = order.asked();
    order.set('sch53');
    const late = order.asked();
    expect(order.accepts('sch53', early)).toBe(false);
    expect(order.accepts('sch53', late)).toBe(true);
  });

  it('should keep every answer of a school no screen has set, whatever another school did', () => {
    const order = new AnswerOrder();
    const asked = order.asked();
    order.set('sch1');
    expect(order.accepts('sch53', asked)).toBe(true);
    expect(order.accepts('sch1', asked)).toBe(false);
  });
});
