/**
 * True when a database error is a unique-constraint violation, on either dialect: the last line of
 * defence when two writers race past an existence check (PostgreSQL, several instances).
 */
export function isUniqueViolation(err: unknown): boolean {
  const codes = [err, (err as { driverError?: unknown } | null)?.driverError].map(
    (e) => (e as { code?: unknown } | null | undefined)?.code,
  );
  return codes.some((c) => c === '23505' || c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY');
}
