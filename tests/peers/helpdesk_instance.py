"""A real django-helpdesk (PyPI) instance on loopback, for the connector tests.

Facts it relies on are in ../shared/peers/django-helpdesk.md: REST API on by default, teams mode
off unless its extra dependency is installed, a dummy mail backend (ticket creation sends mail),
DRF Basic and Token authentication.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

SETTINGS = """
SECRET_KEY = "agentdesk-test-only"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "hdproject.urls"
SITE_ID = 1
INSTALLED_APPS = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
    "django.contrib.sites", "django.contrib.humanize", "helpdesk",
    "rest_framework", "rest_framework.authtoken",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": DB_PATH}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
HELPDESK_TEAMS_MODE_ENABLED = False
STATIC_URL = "/static/"
USE_TZ = True
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
}
"""

URLS = """
from django.contrib import admin
from django.urls import include, path

urlpatterns = [path("admin/", admin.site.urls), path("", include("helpdesk.urls", namespace="helpdesk"))]
"""

BOOTSTRAP = """
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
from helpdesk.models import Queue
User = get_user_model()
user = User.objects.create_superuser("{user}", "{user}@example.com", "{password}")
print("TOKEN", Token.objects.create(user=user).key)
queue = Queue.objects.create(title="Support", slug="support", allow_public_submission=True)
print("QUEUE", queue.id)
"""


@dataclass
class HelpdeskInstance:
    url: str
    user: str
    password: str
    token: str
    queue_id: int
    root: Path
    process: subprocess.Popen[bytes] = field(repr=False)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, auth=(self.user, self.password), timeout=30)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def available() -> bool:
    try:
        import gunicorn  # noqa: F401
        import helpdesk  # noqa: F401
    except ImportError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _django(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hdproject.settings", "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "django", *args], cwd=root, env=env, capture_output=True, text=True,
        timeout=180, check=True,
    )


def start(root: Path, *, user: str = "hdadmin", password: str = "hd-test-pass") -> HelpdeskInstance:
    """Create a Django project in ``root``, migrate it, create an admin and a queue, serve it."""
    project = root / "hdproject"
    project.mkdir(parents=True, exist_ok=True)
    (project / "__init__.py").write_text("")
    (project / "settings.py").write_text(f"DB_PATH = {str(root / 'helpdesk.sqlite3')!r}\n" + SETTINGS)
    (project / "urls.py").write_text(URLS)
    _django(root, "migrate", "--noinput")
    out = _django(root, "shell", "-c", textwrap.dedent(BOOTSTRAP.format(user=user, password=password)))
    values = dict(line.split(" ", 1) for line in out.stdout.splitlines() if " " in line)
    port = _free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "hdproject.settings", "PYTHONPATH": str(root)}
    log = (root / "gunicorn.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
         "--threads", "4", "django.core.wsgi:get_wsgi_application()"],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    instance = HelpdeskInstance(
        url=f"http://127.0.0.1:{port}", user=user, password=password, token=values["TOKEN"],
        queue_id=int(values["QUEUE"]), root=root, process=process,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"django-helpdesk exited: {(root / 'gunicorn.log').read_text()[-2000:]}")
        try:
            if httpx.get(f"{instance.url}/api/tickets/", auth=(user, password), timeout=2).status_code == 200:
                return instance
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    instance.stop()
    raise RuntimeError("django-helpdesk did not answer within 30 s")
