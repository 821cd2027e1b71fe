import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBase64, IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { CHECKPOINT_ALGORITHMS } from './checkpoint-keys';
import { MISMATCH_TEXT } from './checkpoint-verifier';

const HEX64 = /^[0-9a-f]{64}$/;
const HEX64_MESSAGE = (field: string) => `${field} 须为 64 位小写十六进制数字（SHA-256）`;
/** Kept checkpoints verified in one request: a few years of daily checkpoints within the 1 MB body. */
export const MAX_VERIFIED_CHECKPOINTS = 2_000;
const MAX_SEQ = 2_147_483_647;

/** A checkpoint as `GET /public/checkpoints` serves it, and as it is sent back to be verified. */
export class CheckpointDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 42, description: 'Position in the chain of checkpoints, from 1' })
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  seq: number;

  @ApiProperty({ example: '2026-06-01T08:00:00.000Z', description: 'When the chain heads were read (ISO-8601 UTC)' })
  @IsISO8601({ strict: true })
  @MaxLength(40)
  at: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Decisions covered: the leaves of the tree' })
  @IsInt()
  @Min(0)
  @Max(MAX_SEQ)
  decisions: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Record rows covered: the sum of the heads’ seqs' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  events: number;

  @ApiProperty({ pattern: HEX64.source, description: 'RFC 6962 Merkle root over every decision’s chain head in decision-id order; leaf data `{"decisionId":…,"hash":…,"seq":…}` (RFC 8785)' })
  @Matches(HEX64, { message: HEX64_MESSAGE('root') })
  root: string;

  @ApiProperty({ pattern: HEX64.source, description: 'SHA-256 of the previous checkpoint’s canonical JSON (RFC 8785, signature included); 64 zeros for the first' })
  @Matches(HEX64, { message: HEX64_MESSAGE('prevCheckpointHash') })
  prevCheckpointHash: string;

  @ApiProperty({ pattern: HEX64.source, description: 'SHA-256 of the signing key’s SubjectPublicKeyInfo (DER): see GET /public/checkpoints/keys' })
  @Matches(HEX64, { message: HEX64_MESSAGE('keyId') })
  keyId: string;

  @ApiProperty({
    description:
      'base64 signature of the canonical JSON (RFC 8785) of the other members: Ed25519 (64 bytes), or SM2 over SM3 with the default identifier 1234567812345678 (DER SEQUENCE of r and s)',
  })
  @IsBase64()
  @MaxLength(200)
  signature: string;
}

export class CheckpointKeyDto {
  @ApiProperty({ pattern: HEX64.source }) keyId: string;
  @ApiProperty({ enum: CHECKPOINT_ALGORITHMS }) algorithm: string;
  @ApiProperty({ description: 'SubjectPublicKeyInfo, PEM', example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n' }) publicKey: string;
}

export class VerifyCheckpointsDto {
  @ApiProperty({ type: [CheckpointDto], minItems: 1, maxItems: MAX_VERIFIED_CHECKPOINTS, description: 'Kept checkpoints, oldest first, as served by GET /public/checkpoints' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VERIFIED_CHECKPOINTS)
  @ValidateNested({ each: true })
  @Type(() => CheckpointDto)
  checkpoints: CheckpointDto[];
}

const PROBLEMS = Object.keys(MISMATCH_TEXT);

export class CheckpointMismatchDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null when the checkpoint as a whole does not hold (leaves, checkpoint)' }) decisionId: string | null;
  @ApiProperty({ description: 'The earliest kept checkpoint whose signed head of the decision no longer holds' }) checkpointSeq: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The seq that checkpoint covered, whose head today’s rows no longer give (missing: the first seq missing); the changed row is after intactUpToSeq and at or before it',
  })
  firstDifferingSeq: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The highest seq of the decision whose signed head still holds (0: none)' }) intactUpToSeq: number | null;
  @ApiProperty({ enum: PROBLEMS }) problem: string;
  @ApiProperty({ example: MISMATCH_TEXT.changed }) reason: string;
}

export class CheckpointVerificationDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Kept checkpoints checked' }) checked: number;
  @ApiProperty({ description: 'Decisions they cover' }) decisions: number;
  @ApiProperty({ description: 'Record rows hashed again' }) events: number;
  @ApiProperty({ type: [CheckpointMismatchDto] }) mismatches: CheckpointMismatchDto[];
  @ApiProperty() verifiedAt: string;
}

export class ProofQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The checkpoint’s seq; default the latest' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  checkpoint?: number;
}

class LeafDto {
  @ApiProperty({ format: 'uuid' }) decisionId: string;
  @ApiProperty() seq: number;
  @ApiProperty({ pattern: HEX64.source }) hash: string;
}

export class InclusionProofDto {
  @ApiProperty({ type: CheckpointDto }) checkpoint: CheckpointDto;
  @ApiProperty({ type: LeafDto, description: 'The decision’s chain head in the checkpoint' }) leaf: LeafDto;
  @ApiProperty({ description: 'The leaf data: the canonical JSON of the leaf, as hashed' }) leafData: string;
  @ApiProperty({ pattern: HEX64.source, description: 'SHA-256(0x00 ‖ leafData)' }) leafHash: string;
  @ApiProperty({ description: 'The leaf’s index in decision-id order, from 0' }) leafIndex: number;
  @ApiProperty({ description: 'Leaves in the tree (= checkpoint.decisions)' }) treeSize: number;
  @ApiProperty({ type: [String], description: 'RFC 6962 §2.1.1 audit path, bottom-up, hex' }) auditPath: string[];
  @ApiProperty({ description: 'Whether today’s record rows still hash to the leaf’s head' }) recordHolds: boolean;
}

export class ConsistencyQueryDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'The older checkpoint’s seq' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  from: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The newer checkpoint’s seq' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SEQ)
  to: number;
}

export class CheckpointPageQueryDto extends PageQueryDto {}
