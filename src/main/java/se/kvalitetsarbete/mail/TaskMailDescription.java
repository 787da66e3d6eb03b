package se.kvalitetsarbete.mail;

/**
 * Says more about some tasks than their name does, in their mails: e.g. which of an assignment's
 * follow-up conversations an invitation is for. A bean in the feature's own package.
 */
public interface TaskMailDescription {

  boolean describes(TaskFacts task);

  Description describe(TaskFacts task);

  /** The mail's title (its subject, instead of the task's name) and a paragraph for its text. */
  record Description(String title, String text) {}
}
