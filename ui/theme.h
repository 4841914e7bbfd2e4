#pragma once

class QPalette;

// Light and dark looks for the whole application: the Fusion style with a
// matching palette. Widgets that draw themselves (the charts) follow the
// palette change on their own.
namespace Umbra::Theme {

void apply(bool dark);
bool isDark();
QPalette palette(bool dark);

} // namespace Umbra::Theme
