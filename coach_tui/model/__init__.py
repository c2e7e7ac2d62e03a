"""Plain dataclasses for everything the coach knows. No Textual, no TinyDB.

Import the module you need (`coach_tui.model.clock`, `coach_tui.model.text`): this
package file imports nothing, so `coach today` reading its digest does not pay for
every model class (about 40 ms) before it prints a line.
"""
