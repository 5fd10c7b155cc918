import { httpStatusSchema } from '../../src/shared/io/http.js';

describe('httpStatusSchema', () => {
  it('takes a status code from 100 to 599', () => {
    expect(httpStatusSchema.parse(100)).toBe(100);
    expect(httpStatusSchema.parse(204)).toBe(204);
    expect(httpStatusSchema.parse(599)).toBe(599);
  });

  it('refuses what no server answers: a code out of range, a fraction, text', () => {
    for (const bad of [99, 600, 200.5]) expect(httpStatusSchema.safeParse(bad).success).toBe(false);
    expect(httpStatusSchema.safeParse('200').error?.issues[0]?.message).toBe('expected an HTTP status, like 200');
  });
});
