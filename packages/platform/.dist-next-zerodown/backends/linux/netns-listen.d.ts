import type dgram from 'node:dgram';
import type net from 'node:net';
export interface NetnsListenRequest {
    readonly address: string;
    readonly port: number;
    readonly udp: boolean;
    readonly tcp: boolean;
}
export interface NetnsSockets {
    readonly udp?: dgram.Socket;
    readonly tcp?: net.Server;
}
/** Binds `request` inside netns `ns` and returns the bound sockets (the caller owns them). */
export declare function listenInNetns(ns: string, request: NetnsListenRequest, timeoutMs?: number): Promise<NetnsSockets>;
