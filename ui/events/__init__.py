"""Event annotation: triggers, arguments, relations, their pickers, panel, painter and controller."""
