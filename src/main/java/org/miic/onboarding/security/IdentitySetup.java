package org.miic.onboarding.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.miic.onboarding.ProcessConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates, at start-up and only when missing, the two groups and what they may do: staff work tasks in Tasklist and
 * read the processes (in Cockpit too, read-only); admins may do everything in Cockpit and Admin. The admin user (camunda.bpm.admin-user) joins
 * miic-admin, and a shared Tasklist filter shows the onboarding tasks.
 */
@Component
class IdentitySetup {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  static final String FILTER_NAME = "MIIC onboarding tasks";

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;
  private final String adminUser;

  IdentitySetup(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks,
      @Value("${camunda.bpm.admin-user.id:admin}") String adminUser) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
    this.adminUser = adminUser;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void setUp() {
    group(ProcessConstants.GROUP_STAFF, "MIIC onboarding staff");
    group(ProcessConstants.GROUP_ADMIN, "MIIC administrators");

    String staff = ProcessConstants.GROUP_STAFF;
    grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Cockpit, read-only: staff see the instances they work on (READ on instances and history), but cannot change,
    // cancel or migrate them (no UPDATE or DELETE on process instances).
    grant(staff, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(staff, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_TASK, Permissions.UPDATE_TASK,
        Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
    grant(staff, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(staff, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
    grant(staff, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(staff, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(staff, Resources.USER, ANY, Permissions.READ);
    grant(staff, Resources.GROUP, ANY, Permissions.READ);

    for (Resource resource : Resources.values()) {
      try {
        grant(ProcessConstants.GROUP_ADMIN, resource, ANY, Permissions.ALL);
      } catch (BadUserRequestException notApplicable) {
        // A few resource types (e.g. the system resource) take only their own permissions; admins reach them as camunda-admin.
        LOG.debug("No ALL grant for resource type {}: {}", resource.resourceName(), notApplicable.getMessage());
      }
    }

    if (identity.createUserQuery().userId(adminUser).count() == 1
        && identity.createGroupQuery().groupId(ProcessConstants.GROUP_ADMIN).groupMember(adminUser).count() == 0) {
      identity.createMembership(adminUser, ProcessConstants.GROUP_ADMIN);
    }

    if (filters.createFilterQuery().filterName(FILTER_NAME).count() == 0) {
      Filter filter = filters.newTaskFilter(FILTER_NAME)
          .setOwner(adminUser)
          .setQuery(tasks.createTaskQuery().taskCandidateGroupIn(List.of(ProcessConstants.GROUP_STAFF)).includeAssignedTasks())
          .setProperties(java.util.Map.of("description", "Every open task of MIIC data exchange onboarding", "priority", -10,
              "variables", List.of(
                  java.util.Map.of("name", ProcessConstants.VAR_ORGANIZATION_NAME, "label", "Organization"),
                  java.util.Map.of("name", ProcessConstants.VAR_TRACKING_ID, "label", "Tracking id"))));
      filters.saveFilter(filter);
      for (String group : List.of(ProcessConstants.GROUP_STAFF, ProcessConstants.GROUP_ADMIN)) {
        Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
    LOG.info("Groups {} and {} with their authorizations are in place", ProcessConstants.GROUP_STAFF, ProcessConstants.GROUP_ADMIN);
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    auth.setGroupId(group);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    for (Permission p : permissions) {
      auth.addPermission(p);
    }
    authorizations.saveAuthorization(auth);
  }
}
