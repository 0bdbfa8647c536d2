"""Scheduling recipes: a crontab and a scrapyd configuration (see the README)."""
