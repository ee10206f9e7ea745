// Types for the parts of @cornerstonejs/codec-openjpeg (an Emscripten build of OpenJPEG) we use.
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  export interface FrameInfo {
    width: number;
    height: number;
    bitsPerSample: number;
    componentCount: number;
    isSigned: boolean;
  }
  export interface J2KDecoder {
    getEncodedBuffer(length: number): Uint8Array;
    getDecodedBuffer(): Uint8Array;
    decode(): void;
    getFrameInfo(): FrameInfo;
    delete(): void;
  }
  export interface OpenJpegModule {
    J2KDecoder: new () => J2KDecoder;
  }
  export interface ModuleOptions {
    locateFile?: (path: string, prefix: string) => string;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }
  const factory: (options?: ModuleOptions) => Promise<OpenJpegModule>;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasm?url' {
  const url: string;
  export default url;
}
