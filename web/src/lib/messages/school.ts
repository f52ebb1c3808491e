/** The school a messages or surveys screen is about: the address's `?school=` if the person is in it, else their first. */
import { schoolsOf } from '../shell/menu';
import type { Me } from '../types';

export function schoolOfScreen(me: Me, url: URL): string | null {
  const mine = schoolsOf(me).map((s) => s.schoolId);
  const asked = url.searchParams.get('school');
  return asked && mine.includes(asked) ? asked : (mine[0] ?? null);
}
