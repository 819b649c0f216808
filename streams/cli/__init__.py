"""Sub-commands of the ``scout`` CLI, one module each."""
