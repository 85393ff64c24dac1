export declare function generateToken(): string;
export declare function hashToken(token: string): string;
export declare function hashPassword(password: string): string;
export declare function verifyPassword(password: string, stored: string): boolean;
