# The step downstream of the agents: concatenates the rendered agents into one
# team briefing.
# usage: cmake -DOUTPUT=<file> -DAGENTS=<file;file...> -P team.cmake
set(text "# The team\n")
foreach(agent IN LISTS AGENTS)
  file(READ "${agent}" body)
  string(APPEND text "\n${body}")
endforeach()
file(WRITE "${OUTPUT}" "${text}")
