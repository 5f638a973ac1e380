; Inno Setup script: a per-user installer (no administrator rights) for the folder that
; UTF-8 with BOM: Inno Setup reads the Chinese names correctly only then.
; packaging/build.py makes. The build workflow passes the paths and the version:
;   iscc /DAppVersion=0.1.0 /DSourceDir=...\dist\AftersalesSentinel /DIconFile=...\app.ico /O<out> sentinel.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\AftersalesSentinel"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\pyinstaller\sentinel\icons\app.ico"
#endif

[Setup]
AppId={{6F1C2B8E-4E55-4B7B-9C36-2D7A9B0E5A11}
AppName=售后哨兵 Aftersales Sentinel
AppVersion={#AppVersion}
AppPublisher=Aftersales Sentinel
DefaultDirName={localappdata}\Programs\AftersalesSentinel
DefaultGroupName=售后哨兵
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputBaseFilename=AftersalesSentinel-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\AftersalesSentinel.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\售后哨兵"; Filename: "{app}\AftersalesSentinel.exe"
Name: "{userdesktop}\售后哨兵"; Filename: "{app}\AftersalesSentinel.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\AftersalesSentinel.exe"; Description: "{cm:LaunchProgram,售后哨兵}"; Flags: nowait postinstall skipifsilent

; The data folder (%LOCALAPPDATA%\AftersalesSentinel) is left in place on uninstall: it holds the merchant's cases.
