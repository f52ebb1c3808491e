/**
 * zod's own messages (those a schema does not spell out, e.g. a body that is not a JSON object) in
 * Russian, set once for every API function by importing this module. Only the Russian locale
 * module is imported: `z.locales` would bundle all of them.
 */
import { config, type core } from 'zod';
import ru from 'zod/v4/locales/ru.js';

// The Russian locale leaves JSON's type names in English («ожидалось object»).
const TYPE_NAMES: Record<string, string> = {
  object: 'объект',
  array: 'массив',
  string: 'строка',
  number: 'число',
  boolean: 'да или нет (true/false)',
  null: 'null',
  undefined: 'нет значения',
  nan: 'не число',
  bigint: 'целое число',
  date: 'дата',
};

const russian = ru().localeError;

const localeError: core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const input = issue.input;
    const received = input === null ? 'null' : Array.isArray(input) ? 'array' : Number.isNaN(input) ? 'nan' : typeof input;
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return `Неверный тип значения: ожидается ${expected}, получено: ${TYPE_NAMES[received] ?? received}.`;
  }
  return russian(issue);
};

config({ localeError });
