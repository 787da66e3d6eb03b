package se.kvalitetsarbete.security;

import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Unit scoping: a rektor may read the process instances of their own unit, a team member those of
 * their assignments. Tasks need nothing here: the engine gives assignees and candidates their rights.
 */
@Component
public class InstanceAccess {

  public void grantRead(DelegateExecution execution, Collection<String> userIds) {
    AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
    String instance = execution.getProcessInstanceId();
    AsProcess.run(() -> {
      for (String userId : userIds) {
        boolean exists = authorizations.createAuthorizationQuery().userIdIn(userId)
            .resourceType(Resources.PROCESS_INSTANCE).resourceId(instance).count() > 0;
        if (!exists) {
          Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          read.setUserId(userId);
          read.setResource(Resources.PROCESS_INSTANCE);
          read.setResourceId(instance);
          read.addPermission(Permissions.READ);
          authorizations.saveAuthorization(read);
        }
      }
    });
  }
}
