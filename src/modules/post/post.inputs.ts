import { IsEmail, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ISO_DATE } from '../../common/dates';
import { PageArgs } from '../../common/pagination';

@ArgsType()
export class PostsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only posts of the agency with this code' })
  agencyCode?: string;
}

@InputType({ description: 'A handover: the current holder\'s appointment ends on `date`, the successor\'s starts on it' })
export class HandOverPostInput {
  @Field()
  @MaxLength(48)
  postCode!: string;

  @Field({ description: 'Email of the successor, who must be known to the hub' })
  @IsEmail({}, { message: 'successorEmail must be an email address' })
  @MaxLength(254)
  successorEmail!: string;

  @Field({ nullable: true, description: 'Day of the handover (YYYY-MM-DD); today by default' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'date must be written YYYY-MM-DD' })
  date?: string;

  @Field({ nullable: true, description: 'Note on the outgoing holder, e.g. the honouring ceremony' })
  @IsOptional()
  @Length(1, 2000)
  endNote?: string;

  @Field({ nullable: true, description: 'Note on the successor, e.g. the introduction' })
  @IsOptional()
  @Length(1, 2000)
  startNote?: string;
}
