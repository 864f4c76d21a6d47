"""The reading view: text layout, span/chip painting, find, code point <-> Qt position mapping, headless render."""
