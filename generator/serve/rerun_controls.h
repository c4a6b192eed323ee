#pragma once
// The page side of `deckgen present`'s live reruns, added only to the page the server
// serves (never to the file a build writes, so a deck opened from file:// has no
// control): a ▶ on each run slide asks the server to rerun that snippet; its output
// streams into a box on the slide as the server's "rerun" events bring it; once the new
// deck is on screen, the numbers that came from the rerun (the timing line, the values
// quoting the snippet, the claims about it) are marked "measured just now".
#include <string>

namespace deckgen {

std::string rerun_controls_script();

}  // namespace deckgen
