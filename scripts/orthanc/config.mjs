// @ts-check
/**
 * Builds the Orthanc configuration our tests and the demo run with. Facts behind each choice are in
 * shared/notes/orthanc.md: loopback only, no DICOM port, DICOMweb with full metadata, and the GDCM
 * plugin restricted to JPEG 2000 because unrestricted transcoding crashes Orthanc 1.10.
 */

export const PLUGIN_DIR = '/usr/share/orthanc/plugins';

/** @typedef {{ port: number, storageDir: string, users?: Record<string, string> | undefined }} OrthancConfigOptions */

/**
 * @param {OrthancConfigOptions} options
 * @returns {Record<string, unknown>} Orthanc's JSON configuration
 */
export function orthancConfig({ port, storageDir, users }) {
  const authenticated = users !== undefined && Object.keys(users).length > 0;
  return {
    Name: 'fovea-test',
    StorageDirectory: storageDir,
    IndexDirectory: storageDir,
    HttpPort: port,
    DicomServerEnabled: false,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: authenticated,
    RegisteredUsers: users ?? {},
    HttpCompressionEnabled: false,
    // Re-sent instances replace the stored copy instead of being silently ignored.
    OverwriteInstances: true,
    SaveJobs: false,
    StorageCompression: false,
    Plugins: [`${PLUGIN_DIR}/libOrthancDicomWeb.so`, `${PLUGIN_DIR}/libOrthancGdcm.so`],
    DicomWeb: {
      Enable: true,
      Root: '/dicom-web/',
      EnableWado: true,
      WadoRoot: '/wado',
      StudiesMetadata: 'Full',
      SeriesMetadata: 'Full',
    },
    Gdcm: {
      Enable: true,
      RestrictTransferSyntaxes: [
        '1.2.840.10008.1.2.4.90',
        '1.2.840.10008.1.2.4.91',
        '1.2.840.10008.1.2.4.92',
        '1.2.840.10008.1.2.4.93',
      ],
    },
  };
}
