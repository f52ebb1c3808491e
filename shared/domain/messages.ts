/**
 * Messages (issue 12, item 2; clauses 2.2, 5; R-51): who may write to whom, the limits of a
 * message, and how its text is cut into plain text and links. Pure: the service gathers the facts
 * (grants, the classes of a family, who teaches them) and asks these functions.
 *
 * Who is linked (clause 2.2 «взаимодействие участников образовательных отношений»): a teacher with
 * the parents and students of the classes they teach; a class teacher with those of the class they
 * lead; the administration (director, deputies) with anyone in the school; staff with each other
 * (colleagues are linked by their role). Two families are never linked, so a parent can neither
 * write to nor list other families.
 */

export const SUBJECT_MAX = 200;
export const TEXT_MAX = 4000;
export const PREVIEW_MAX = 140;

/** A class of a family (a parent's child's, or a student's own) with the staff linked to it. */
export interface FamilyClass {
  classId: string;
  classTeacherId?: string;
  /** Subject teachers of the class (any subject, any subgroup) in its school year. */
  teacherIds: readonly string[];
}

/** One side of a conversation as the link rule sees it, in one school. */
export interface MessageParty {
  userId: string;
  /** Holds a staff role in the school (teacher, class teacher, secretary, administrator, administration). */
  staff: boolean;
  /** Director or deputy: linked with everyone in the school. */
  administration: boolean;
  /** Classes this person leads as class teacher. */
  ledClassIds: readonly string[];
  /** Classes of this person's children, or their own as a student. */
  familyClasses: readonly FamilyClass[];
}

/** Staff member `s` is linked with family member `f` through a class, a subject or their role. */
function staffLinkedWithFamily(s: MessageParty, f: MessageParty): boolean {
  if (!s.staff || f.familyClasses.length === 0) return false;
  if (s.administration) return true;
  return f.familyClasses.some((c) => s.ledClassIds.includes(c.classId) || c.classTeacherId === s.userId || c.teacherIds.includes(s.userId));
}

/** May these two people write to each other? Symmetric; nobody writes to themself. */
export function linked(a: MessageParty, b: MessageParty): boolean {
  if (a.userId === b.userId) return false;
  if (a.staff && b.staff) return true;
  return staffLinkedWithFamily(a, b) || staffLinkedWithFamily(b, a);
}

/** Who an announcement goes to. Announcements go to parents (clause 5: «информирование родителей»);
 * students are reached by a conversation with them. */
export type Audience = { scope: 'class'; classId: string } | { scope: 'grade'; grade: number } | { scope: 'school' };

/** «родителям 5А», «родителям 7-х классов», «родителям всей школы». */
export function audienceLabel(a: Audience, className?: string): string {
  if (a.scope === 'class') return `родителям ${className ?? a.classId}`;
  if (a.scope === 'grade') return `родителям ${a.grade}-х классов`;
  return 'родителям всей школы';
}

// Control characters (but tab and line feed) never reach the store: they could hide text on screen.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** The text as stored: control and direction-override characters removed, line ends unified, trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Why a message cannot be sent, or null. `subject` is checked only where the thread starts. */
export function messageProblem(text: string, subject?: string): string | null {
  if (subject !== undefined) {
    const s = cleanText(subject);
    if (!s) return 'Укажите тему сообщения.';
    if (s.length > SUBJECT_MAX) return `Тема — не длиннее ${SUBJECT_MAX} знаков.`;
  }
  const t = cleanText(text);
  if (!t) return 'Напишите текст сообщения.';
  if (t.length > TEXT_MAX) return `Сообщение — не длиннее ${TEXT_MAX} знаков.`;
  return null;
}

/** One line for the inbox: the text's start, on one line. */
export function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PREVIEW_MAX ? `${line.slice(0, PREVIEW_MAX - 1)}…` : line;
}

export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only http(s) addresses become links: «javascript:», «data:» and the like stay plain text.
const URL_RE = /\bhttps?:\/\/[^\s<>"'«»]+/gi;
// Punctuation that ends a sentence after an address is not part of it.
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * The text cut into plain parts and links, for a screen that renders each part as a text node or an
 * `<a>` (never as HTML). A link's address is checked again with URL: a part it cannot parse as
 * http(s) stays text.
 */
export function textParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_RE)) {
    const raw = m[0].replace(TRAILING, '');
    const start = m.index ?? 0;
    let href: string | null = null;
    try {
      const u = new URL(raw);
      if (u.protocol === 'http:' || u.protocol === 'https:') href = u.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start) });
    parts.push({ kind: 'link', text: raw, href });
    at = start + raw.length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}
