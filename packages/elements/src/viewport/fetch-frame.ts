import {
  type DicomWebClient,
  DicomWebError,
  FoveaError,
  type FrameRef,
  readPart10,
  retrieveFrames,
  retrieveInstance,
} from '@fovea/core';

/** A frame's stored bytes and the transfer syntax they are in. */
export interface StoredFrame {
  bytes: Uint8Array;
  transferSyntaxUid: string;
}

/**
 * Fetches one frame as stored (`transfer-syntax=*`), so the client decodes it exactly. Servers
 * that cannot serve a syntax frame by frame (Orthanc 1.10 answers 500 for HTJ2K, big endian and
 * deflated) get the whole instance fetched instead, and the frame is located in it.
 */
export async function fetchStoredFrame(
  client: DicomWebClient,
  ref: FrameRef,
  signal: AbortSignal,
): Promise<StoredFrame> {
  const { instance } = ref;
  const study = instance.study.studyInstanceUid;
  const series = instance.series.seriesInstanceUid;
  const sop = instance.sopInstanceUid;
  if (!study || !series || !sop)
    throw new FoveaError('MISSING_UID', 'The instance lacks a study, series or SOP UID');
  const reference = { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: sop };
  try {
    const [frame] = await retrieveFrames(client, reference, [ref.frameIndex + 1], { signal });
    if (!frame)
      throw new DicomWebError('DICOMWEB_BAD_RESPONSE', 'No frame in the response', { url: client.root });
    return { bytes: frame.bytes, transferSyntaxUid: frame.transferSyntaxUid };
  } catch (error) {
    if (!(error instanceof DicomWebError) || error.status === undefined || error.status < 500) throw error;
    const file = readPart10((await retrieveInstance(client, reference, { signal })).bytes);
    return { bytes: file.frame(ref.frameIndex), transferSyntaxUid: file.transferSyntaxUid };
  }
}
