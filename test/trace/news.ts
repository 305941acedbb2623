// Small hand-written news texts for trace tests: an origin, and the ways copies are made of it.
export const ORIGIN_PARAGRAPHS = [
  'HALDEN, Norway - Flood water forced more than 2,000 people from their homes in southern Norway on Tuesday after two days of heavy rain swelled the Tista river, police said.',
  'The river rose almost three metres overnight and broke through a temporary barrier near the old town, where shop owners had stacked sandbags since Sunday.',
  'Rescue crews used boats to reach elderly residents in the lower streets, and the regional hospital moved forty patients to a school on higher ground.',
  'The national weather service warned that another band of rain would reach the coast on Thursday and that the river could rise by a further metre before the weekend.',
  'Mayor Ingrid Solberg said the town had not seen water this high since 1967 and asked drivers to stay away from the bridges until engineers had inspected them.',
  'Rail traffic between Oslo and Gothenburg was halted after a section of track near the border was washed out, the state railway operator said in a statement.',
];

export const OTHER_PARAGRAPHS = [
  'NAIROBI - Kenya cut its benchmark lending rate by half a percentage point on Wednesday, the central bank said, citing slowing inflation and a steadier shilling.',
  'The monetary policy committee said food prices had eased after the long rains and that fuel costs had fallen for a third month in a row.',
  'Analysts had expected a smaller cut, and the shilling weakened slightly against the dollar in afternoon trading in the capital.',
  'Business groups welcomed the move but said banks had been slow to pass earlier cuts on to small borrowers, who still pay rates above twenty percent.',
];

export const TITLE = 'Floods force thousands from homes in southern Norway';

export function join(paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}
