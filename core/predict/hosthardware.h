#pragma once

#include "hardware/hardwarereadings.h"
#include "predict/driverisk.h"
#include "predict/hostrisk.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Umbra::Hardware {

// One drive of a host with the drive model's verdict on it.
struct DriveAssessment
{
    DriveReadings drive;
    Predict::DriveRisk risk;
    bool comparedWithEarlier = false; // changes were measured against an older reading
};

// Everything the console shows about a host's hardware health: the
// readings behind it, each drive's risk, and the host's failure risk with
// its breakdown. Value type for the GUI.
struct HostHardwareReport
{
    QString uri;
    QString exporterUrl; // empty when the host publishes none
    bool simulated = false; // the demo's readings, not a real exporter's
    qint64 assessedAtMs = 0;
    qint64 readAtMs = 0; // of the readings below; 0 before the first read
    QString readError; // why the latest read failed, empty when it did not
    int skippedLines = 0; // of the latest page, not understood
    HardwareReadings readings;
    QList<DriveAssessment> drives; // riskiest first
    HostRiskInputs inputs;
    HostRisk risk;
};

} // namespace Umbra::Hardware

Q_DECLARE_METATYPE(Umbra::Hardware::HostHardwareReport)
