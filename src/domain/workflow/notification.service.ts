/** A user's notifications for the inbox: listed, counted unread, marked read (own ones only). */
export { countUnread, listInbox, markRead } from './notification.repo.ts';
