package org.miic.onboarding.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.miic.onboarding.ProcessConstants;
import org.miic.onboarding.common.EngineIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No authorization of its own for each task offered to a group that may already read and work every task.
 *
 * <p>The engine's default grants a task's candidate group read and update on that one task, a row in
 * ACT_RU_AUTHORIZATION per open task (a look-up and an insert when the task is made, a delete when it ends). Our groups
 * do not need them: {@link IdentitySetup} grants staff read and update on every task, admins everything (the engine's
 * own camunda-admin group too). And every authorization check of a signed-in user lists the distinct groups of all
 * authorization rows, once per command: with 12,400 open tasks that read 12,400 index entries on each task completion
 * (0.15 ms empty, 2.8 ms at 20,000 requests on PostgreSQL; issue 9). Other groups, and users (assignee, owner,
 * candidate user), still get the engine's per-task authorizations.
 *
 * <p>Each start also removes such rows left by earlier versions of the application, in one statement: they grant
 * nothing the group does not hold already.
 */
@Component
public class TaskAuthorizations extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskAuthorizations.class);

  /** The groups that hold read and update on every task (IdentitySetup, and the engine's administrators). */
  static final Set<String> GROUPS_WITH_EVERY_TASK = Set.of(ProcessConstants.GROUP_STAFF, ProcessConstants.GROUP_ADMIN, Groups.CAMUNDA_ADMIN);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
        return GROUPS_WITH_EVERY_TASK.contains(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
      }
    });
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    String prefix = EngineIndexes.prefix(configuration);
    String groups = String.join(", ", GROUPS_WITH_EVERY_TASK.stream().map(group -> "?").toList());
    String sql = "delete from " + prefix + "ACT_RU_AUTHORIZATION where TYPE_ = ? and RESOURCE_TYPE_ = ? and RESOURCE_ID_ <> ? and GROUP_ID_ in (" + groups + ")";
    try (Connection connection = configuration.getDataSource().getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setInt(1, Authorization.AUTH_TYPE_GRANT);
      delete.setInt(2, Resources.TASK.resourceType());
      delete.setString(3, Authorization.ANY);
      int i = 4;
      for (String group : GROUPS_WITH_EVERY_TASK) {
        delete.setString(i++, group);
      }
      int removed = delete.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      if (removed > 0) {
        LOG.info("Removed {} per-task authorizations of groups that may work every task", removed);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not remove the per-task authorizations of " + GROUPS_WITH_EVERY_TASK, e);
    }
  }
}
