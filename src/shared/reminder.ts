/** A reminder as kept in user state under `user:reminders`. */
export interface Reminder {
  id: string;
  text: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  done?: boolean;
  /** ISO 8601 date-time. */
  due?: string;
}
