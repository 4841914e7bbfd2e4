#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Umbra {

struct CommandLine
{
    QStringList connectUris;
    bool demo = false;
    QString databasePath; // empty: the default for the mode
    int intervalMs = 5000;
    bool printInventory = false;
    int inventoryTimeoutS = 30;
    QString screenshotPath;
    double quitAfterS = 0;
    QString theme; // "light", "dark" or empty for the system's
    QString error; // set when the arguments are unusable
};

// Parses the console's arguments; --help and --version exit from here.
CommandLine parseCommandLine(const QCoreApplication &app);

// True when the arguments ask for a run without a window, so main() can pick
// QCoreApplication before any QApplication (and display) exists.
bool isHeadless(int argc, char **argv);

} // namespace Umbra
