"""Renders GitHub Flavored Markdown (stdin) to HTML (stdout) with cmark-gfm, the renderer GitHub
uses, with GitHub's extensions (tables, autolinks, strikethrough, tag filter) and raw HTML off."""
import sys

import cmarkgfm

sys.stdout.write(cmarkgfm.github_flavored_markdown_to_html(sys.stdin.read()))
