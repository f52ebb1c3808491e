/**
 * Typed domain errors. Each carries the HTTP status and a message a person can read (Russian,
 * because the UI shows it as is). `functions/http/respond.ts` is the only place that turns them
 * into responses; nobody writes a 500 by hand.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, 'bad_request', message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Войдите в систему.') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Недостаточно прав для этого действия.') {
    super(403, 'forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Не найдено.') {
    super(404, 'not_found', message);
  }
}

/** A concurrent edit: the caller gets the value that won so the screen can show it. */
export class ConflictError extends DomainError {
  constructor(message: string, current?: unknown) {
    super(409, 'conflict', message, current === undefined ? undefined : { current });
  }
}

/** Something the regulation forbids right now (a lock, a deadline), with the reason. */
export class LockedError extends DomainError {
  constructor(message: string, details?: unknown) {
    super(423, 'locked', message, details);
  }
}

/**
 * Something a rule of the regulation forbids whatever the date (no marks in grade 1, clause 3.5):
 * not a lock that opens or closes, so not 423. `code` names the rule, `clause` the regulation's point.
 */
export class RuleViolationError extends DomainError {
  constructor(code: string, message: string, clause: string) {
    super(422, code, message, { clause });
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'too_many_requests', message, { retryAfterSeconds });
  }
}
