"""KEK-Portal: a county's development concept as a living public website."""
