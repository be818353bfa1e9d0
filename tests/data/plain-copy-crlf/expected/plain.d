/out/plain.md: /case/plain.md \
 /case/s.md
