package dev.terrace.emulator.tasks;

import com.google.cloud.tasks.v2.Task;

/** Renders a task in the view a request names, as Cloud Tasks does. */
final class TaskViews {

  private TaskViews() {
  }

  /** Returns the task without its payload unless the FULL view was requested. */
  static Task render(Task task, Task.View requested) {
    if (requested == Task.View.FULL) {
      return task.toBuilder().setView(Task.View.FULL).build();
    }
    Task.Builder basic = task.toBuilder().setView(Task.View.BASIC);
    if (task.hasHttpRequest()) {
      basic.setHttpRequest(task.getHttpRequest().toBuilder().clearBody());
    }
    if (task.hasAppEngineHttpRequest()) {
      basic.setAppEngineHttpRequest(task.getAppEngineHttpRequest().toBuilder().clearBody());
    }
    return basic.build();
  }
}
