import type { Reminder } from '../../protocol/protocol';
import { alarmKey, liveAnnounced, planAlarms, readAnnounced, stillOpen } from './due-schedule';

const ANNOUNCED_KEY = 'hearth:announced-reminders';

export type AlarmPermission = NotificationPermission | 'unsupported';

/**
 * Due reminders while Hearth runs: a notification through the service worker's
 * registration at the due time, and an in-app notice. Reminders that fell due while
 * Hearth was closed are listed as missed when it opens. Nothing rings without a running
 * Hearth (no push server), and the UI says so.
 */
export class ReminderAlarms {
  permission = $state<AlarmPermission>(typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);
  /** Fell due while Hearth was closed. */
  missed = $state.raw<Reminder[]>([]);
  /** Fell due while Hearth was open. */
  ringing = $state.raw<Reminder[]>([]);
  /** The time of the last check: due labels turn "overdue" when an alarm rings. */
  now = $state(Date.now());

  readonly #storage: Storage | undefined;
  #announced: Set<string>;
  #reminders: readonly Reminder[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started = false;

  constructor(storage: Storage | undefined = globalThis.localStorage) {
    this.#storage = storage;
    this.#announced = readAnnounced(storage?.getItem(ANNOUNCED_KEY) ?? null);
  }

  /** Called with the reminders whenever memory changes (after it was first loaded). */
  track(reminders: readonly Reminder[]): void {
    this.#reminders = reminders;
    this.ringing = stillOpen(this.ringing, reminders);
    this.missed = stillOpen(this.missed, reminders);
    this.#check();
  }

  /** Asks for notification permission; call from a user gesture (setting a due time). */
  async requestPermission(): Promise<AlarmPermission> {
    if (this.permission !== 'default') return this.permission;
    this.permission = await Notification.requestPermission();
    return this.permission;
  }

  dismiss(reminder: Reminder): void {
    this.ringing = this.ringing.filter((r) => r.id !== reminder.id);
    this.missed = this.missed.filter((r) => r.id !== reminder.id);
  }

  #check(): void {
    clearTimeout(this.#timer);
    this.now = Date.now();
    const plan = planAlarms(this.#reminders, this.#announced, this.now);
    for (const reminder of plan.due) this.#announced.add(alarmKey(reminder));
    if (plan.due.length) {
      this.#save();
      if (this.#started) {
        this.ringing = [...this.ringing, ...plan.due];
        for (const reminder of plan.due) void this.#notify(reminder);
      } else {
        this.missed = [...this.missed, ...plan.due];
      }
    }
    this.#started = true;
    if (plan.nextIn !== null) this.#timer = setTimeout(() => this.#check(), plan.nextIn);
  }

  async #notify(reminder: Reminder): Promise<void> {
    if (this.permission !== 'granted') return;
    const options: NotificationOptions = { body: reminder.text, tag: alarmKey(reminder), icon: 'icons/icon-192.png' };
    const registration = await navigator.serviceWorker?.getRegistration();
    // Through the registration, so it also works in the installed app; a plain one in development.
    if (registration) await registration.showNotification('Hearth reminder', options);
    else new Notification('Hearth reminder', options);
  }

  #save(): void {
    // Keep the list short: only alarms of reminders that still exist.
    this.#announced = liveAnnounced(this.#announced, this.#reminders);
    this.#storage?.setItem(ANNOUNCED_KEY, JSON.stringify([...this.#announced]));
  }
}
