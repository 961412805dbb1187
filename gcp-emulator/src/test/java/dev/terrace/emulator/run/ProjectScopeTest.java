package dev.terrace.emulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectScopeTest {

  @Test
  void permissionFollowsMethodName() {
    String[][] cases = {
      {"run", "google.cloud.run.v2.Services", "CreateService", "run.services.create"},
      {"run", "google.cloud.run.v2.Jobs", "RunJob", "run.jobs.run"},
      {"run", "google.cloud.run.v2.Executions", "CancelExecution", "run.executions.cancel"},
      {"run", "google.cloud.run.v2.Services", "GetIamPolicy", "run.services.getIamPolicy"},
      {"cloudtasks", "google.cloud.tasks.v2.CloudTasks", "ListQueues", "cloudtasks.queues.list"},
      {"cloudtasks", "google.cloud.tasks.v2.CloudTasks", "CreateTask", "cloudtasks.tasks.create"},
      {"cloudscheduler", "google.cloud.scheduler.v1.CloudScheduler", "PauseJob", "cloudscheduler.jobs.pause"},
    };

    for (String[] c : cases) {
      assertThat(ProjectScope.permission(c[0], c[1], c[2])).as("%s %s", c[1], c[2]).isEqualTo(c[3]);
    }
  }
}
