package se.kvalitetsarbete.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: the logged-in user, else the task's assignee. */
public final class CurrentUser {

  private CurrentUser() {}

  public static String of(DelegateTask task) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user != null ? user.getUserId() : task.getAssignee();
  }
}
