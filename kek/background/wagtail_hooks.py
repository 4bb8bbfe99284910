from wagtail import hooks

from .views import TaskViewSet


@hooks.register("register_admin_viewset")
def register_task_report() -> TaskViewSet:
    return TaskViewSet("background_tasks")
