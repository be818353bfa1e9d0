/out/.mcp.json: /case/agents/a.md \
 /case/mcp-servers/context7.json \
 /case/mcp-servers/docs-search.json \
 /case/agents/b.md
