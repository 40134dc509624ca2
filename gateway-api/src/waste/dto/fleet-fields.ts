import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

import {
  BIN_ID_PATTERN,
  BIN_ID_RULE,
  RFID_TAG_PATTERN,
  RFID_TAG_RULE,
  VEHICLE_PLATE_PATTERN,
  VEHICLE_PLATE_RULE,
} from '../../../../chaincode/src/contract';

// The identifiers of registered vehicles and bins, each as one composed decorator with the chaincode's
// own rule, so bodies, query strings and path parameters all check them alike.

export const VehiclePlateField = (field = 'vehicleId'): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: '粤A12345D', description: VEHICLE_PLATE_RULE }),
    IsString(),
    Matches(VEHICLE_PLATE_PATTERN, { message: `${field} ${VEHICLE_PLATE_RULE}` }),
  );

export const BinIdField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'LW-ST-001-B01', description: BIN_ID_RULE }),
    IsString(),
    Matches(BIN_ID_PATTERN, { message: `binId ${BIN_ID_RULE}` }),
  );

export const RfidTagField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'E2801160600002040A1B2C3D', description: RFID_TAG_RULE }),
    IsString(),
    Matches(RFID_TAG_PATTERN, { message: `rfidTag ${RFID_TAG_RULE}` }),
  );
